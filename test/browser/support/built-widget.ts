/**
 * The widget bundle for tests: built once per test process into a temporary folder with the
 * same builder as `npm run build:widget` (esbuild), so a test never depends on a stale dist/.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildWidget, type BuiltFile } from '../../../src/widget/build/build-widget.js';

let built: Promise<{ dir: string; files: BuiltFile[] }> | undefined;

export function builtWidget(): Promise<{ dir: string; files: BuiltFile[] }> {
  return (built ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jpki-widget-'));
    return { dir, files: await buildWidget(dir) };
  })());
}
