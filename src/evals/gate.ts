import { runCli } from './cliArgs.js';
import { gateMain, USAGE } from './gateRun.js';

/** `npm run evals:gate`: see gateRun.ts for the options. */
process.exitCode = await runCli(USAGE, () => gateMain());
