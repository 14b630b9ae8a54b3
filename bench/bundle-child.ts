/**
 * How a benchmark starts a measuring child process: bundled by esbuild (the engine tsx itself
 * uses) and run by plain node, because the tsx loader alone adds ~37 MiB of RSS to a process,
 * which would be charged to what is measured. npm packages stay external (resolved from
 * node_modules at run time). Falls back to tsx when esbuild cannot be loaded.
 */
export async function bundledChildArgs(source: string, outfile: string): Promise<string[]> {
  try {
    const { build } = await import('esbuild');
    await build({
      entryPoints: [source],
      bundle: true,
      packages: 'external',
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile,
      logLevel: 'silent',
    });
    return [outfile];
  } catch {
    console.log('(esbuild unavailable: the child runs under tsx, whose loader adds ~37 MiB RSS)');
    return ['--import', 'tsx', source];
  }
}
