/**
 * The card layer and the virtual card run in browsers: no node: module, no package, no Node
 * global anywhere in their import graph, and they type-check with the DOM library and without
 * Node's types (as the widget's own build will compile them).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ENTRIES = [
  'src/card/index.ts',
  'src/sandbox/virtual-card.ts',
  'src/sandbox/virtual-card-profile.ts',
  'src/sandbox/virtual-card-signer.ts',
  'src/sandbox/virtual-card-bridge.ts',
];

/** Every file reachable by static imports (and `export … from`) from the entries. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const visit = (file: string): void => {
    if (graph.has(file)) return;
    const source = readFileSync(join(ROOT, file), 'utf8');
    const specifiers = [...source.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/g)].map((m) => m[1]!);
    graph.set(file, specifiers);
    for (const s of specifiers)
      if (s.startsWith('.')) visit(relative(ROOT, resolve(ROOT, dirname(file), s)).replace(/\.js$/, '.ts'));
  };
  ENTRIES.forEach(visit);
  return graph;
}

describe('browser safety of the card layer and the virtual card', () => {
  const graph = importGraph();

  it('imports nothing but relative modules inside src/card and the virtual card', () => {
    for (const [file, specifiers] of graph) {
      for (const s of specifiers) expect(s, `${file} imports ${s}`).toMatch(/^\.\.?\//);
      expect(file, 'the graph stays within the browser-safe files').toMatch(/^src\/(card\/|sandbox\/virtual-card)/);
    }
    expect(graph.size).toBeGreaterThan(15);
    expect([...graph.keys()]).not.toContain('src/sandbox/virtual-card-signer-node.ts');
    expect([...graph.keys()]).not.toContain('src/sandbox/virtual-card-native-host.ts');
  });

  it('uses no Node global', () => {
    for (const file of graph.keys()) {
      const code = readFileSync(join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(code, file).not.toMatch(/\b(Buffer|process|require|__dirname|setImmediate)\b/);
    }
  });

  it('type-checks with lib DOM and without @types/node', () => {
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const run = () =>
      execFileSync(process.execPath, [tsc, '-p', 'test/card/tsconfig.browser.json'], { cwd: ROOT, encoding: 'utf8' });
    expect(run).not.toThrow();
  });
});
