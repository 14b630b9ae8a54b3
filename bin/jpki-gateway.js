#!/usr/bin/env node
// Thin launcher: the CLI is compiled to dist/ by `npm run build` (run by `npm ci` via prepare).
import('../dist/cli/main.js')
  .then((m) => m.main(process.argv.slice(2)))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((e) => {
    console.error(
      `jpki-gateway: ${e && e.code === 'ERR_MODULE_NOT_FOUND' ? 'not built: run `npm run build`' : (e?.stack ?? e)}`,
    );
    process.exitCode = 2;
  });
