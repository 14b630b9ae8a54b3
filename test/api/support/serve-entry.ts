// `npm start` without the dist build: the CLI's `serve` command run from source (boot test).
import { main } from '../../../src/cli/main.js';

process.exitCode = await main(['serve']);
