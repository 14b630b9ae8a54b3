/**
 * Builds the browser side into dist/widget (or `--out DIR`): esbuild bundles of the widget
 * (app.js), the one-script embed (embed.js) and the demo pages' script (demo.js), the
 * minified stylesheet (widget.css), and the demo's sample loan contract PDF (pdf-lib). Run by
 * `npm run build` (and so by `npm ci`); tests call buildWidget() into a temporary folder.
 *
 *   npx tsx src/widget/build/build-widget.ts [--out DIR]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { sampleLoanContractPdf } from './sample-pdf.js';

const WIDGET_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_OUT_DIR = resolve(WIDGET_DIR, '../../dist/widget');

export interface BuiltFile {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

const ENTRIES = [
  { in: 'entry-app.ts', out: 'app.js' },
  { in: 'entry-embed.ts', out: 'embed.js' },
  { in: 'demo/demo.ts', out: 'demo.js' },
  { in: 'widget.css', out: 'widget.css' },
] as const;

export async function buildWidget(outDir: string = DEFAULT_OUT_DIR): Promise<BuiltFile[]> {
  mkdirSync(outDir, { recursive: true });
  const files: BuiltFile[] = [];
  for (const e of ENTRIES) {
    const result = await build({
      entryPoints: [join(WIDGET_DIR, e.in)],
      bundle: true,
      minify: true,
      format: e.out.endsWith('.js') ? 'iife' : undefined,
      target: ['es2022', 'chrome110', 'safari16', 'firefox110'],
      platform: 'browser',
      write: false,
      legalComments: 'none',
      charset: 'utf8',
      logLevel: 'silent',
    });
    const out = result.outputFiles[0];
    if (!out) throw new Error(`esbuild produced nothing for ${e.in}`);
    writeFileSync(join(outDir, e.out), out.contents);
    files.push({ file: e.out, bytes: out.contents.length, gzipBytes: gzipSync(out.contents, { level: 9 }).length });
  }
  const pdf = await sampleLoanContractPdf();
  writeFileSync(join(outDir, 'sample-loan-contract.pdf'), pdf);
  files.push({ file: 'sample-loan-contract.pdf', bytes: pdf.length, gzipBytes: gzipSync(pdf).length });
  return files;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--out');
  const out = at > 0 && process.argv[at + 1] ? resolve(process.argv[at + 1]!) : DEFAULT_OUT_DIR;
  const files = await buildWidget(out);
  for (const f of files) console.log(`${f.file.padEnd(28)} ${String(f.bytes).padStart(8)} B  gzip ${f.gzipBytes} B`);
}
