// Generates src/api/generated/openapi.ts from openapi/gateway.yaml (openapi-typescript, then
// prettier with the repository's settings). `--check` writes nothing and exits 1 when the
// committed file differs from what the spec generates (CI: npm run openapi:check).
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import * as prettier from 'prettier';

const spec = new URL('./gateway.yaml', import.meta.url);
const target = fileURLToPath(new URL('../src/api/generated/openapi.ts', import.meta.url));
const banner =
  '/**\n * GENERATED from openapi/gateway.yaml by `npm run openapi:types` (openapi-typescript). Do not edit:\n' +
  ' * change the spec and regenerate; `npm run openapi:check` fails when this file is stale.\n */\n';

const ast = await openapiTS(spec, { exportType: false, alphabetize: false });
const options = (await prettier.resolveConfig(target)) ?? {};
const generated = await prettier.format(banner + astToString(ast), { ...options, filepath: target });

if (process.argv.includes('--check')) {
  const current = await readFile(target, 'utf8').catch(() => '');
  if (current !== generated) {
    console.error('src/api/generated/openapi.ts is stale: run `npm run openapi:types` and commit it');
    process.exit(1);
  }
  console.log('src/api/generated/openapi.ts is up to date');
} else {
  await writeFile(target, generated);
  console.log('wrote src/api/generated/openapi.ts');
}
