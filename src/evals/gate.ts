import { gateMain } from './gateRun.js';

/** `npm run evals:gate`: see gateRun.ts for the options. */
try {
  process.exitCode = await gateMain();
} catch (error) {
  // Configuration mistakes (unknown prompt, no provider, bad scenario file) read better without a stack.
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 2;
}
