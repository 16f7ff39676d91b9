import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * What every evals command shares on its command line: a wrong flag or value is a
 * `UsageError` (its message and the usage line, exit code 2), never a stack trace.
 */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** `parseArgs` (strict) whose mistakes, an unknown flag or a missing value, become a UsageError. */
export function parseCliArgs<T extends ParseArgsConfig>(config: T): ReturnType<typeof parseArgs<T>>['values'] {
  try {
    return parseArgs(config).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** `--trials` and `--concurrency`: positive integers, concurrency optional. */
export function trialOptions(values: { trials: string; concurrency?: string }): {
  trials: number;
  concurrency: number | undefined;
} {
  const trials = Number(values.trials);
  const concurrency = values.concurrency === undefined ? undefined : Number(values.concurrency);
  const positive = (n: number) => Number.isInteger(n) && n >= 1;
  if (!positive(trials) || (concurrency !== undefined && !positive(concurrency)))
    throw new UsageError('--trials and --concurrency must be positive integers');
  return { trials, concurrency };
}

/**
 * `--database-url` (else `EVAL_DATABASE_URL`, never the service's own `DATABASE_URL`, so an operator's evals
 * cannot touch the live database by accident) and `--instances`: a PostgreSQL server on which every trial gets
 * its own database, and how many assistants serve each trial (more than one needs PostgreSQL).
 */
export function storageOptions(
  values: { 'database-url'?: string; instances?: string },
  env: Record<string, string | undefined> = process.env,
): { databaseUrl: string | undefined; instances: number } {
  const databaseUrl = values['database-url'] || env.EVAL_DATABASE_URL || undefined;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\/[^/]/.test(databaseUrl))
    throw new UsageError('--database-url (or EVAL_DATABASE_URL) must be a postgres:// URL');
  const instances = values.instances === undefined ? 1 : Number(values.instances);
  if (!Number.isInteger(instances) || instances < 1 || instances > MAX_INSTANCES)
    throw new UsageError(`--instances must be an integer from 1 to ${MAX_INSTANCES}`);
  if (instances > 1 && !databaseUrl)
    throw new UsageError('--instances above 1 needs PostgreSQL: give --database-url (or EVAL_DATABASE_URL)');
  return { databaseUrl, instances };
}

/** Each instance holds its own connection pool on the trial's database: a bound on what one trial opens. */
const MAX_INSTANCES = 8;

/**
 * The environment a command runs its assistant with: the process's own, with `AGENT_MODEL`
 * set when `--model` names one. A remote model without a key or base URL is a usage error
 * rather than a silent fallback to the offline model.
 */
export function modelEnvironment(model: string | undefined): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env, ...(model ? { AGENT_MODEL: model } : {}) };
  if (model && model !== 'offline' && !env.OPENAI_API_KEY && !env.OPENAI_BASE_URL)
    throw new UsageError(`--model ${model} needs OPENAI_API_KEY or OPENAI_BASE_URL; without them only "offline" runs.`);
  return env;
}

/**
 * Runs a command's `main` and sets the exit code: its own result, 2 with the usage line for a
 * UsageError, 2 with the bare message for anything else (configuration mistakes such as an
 * unknown prompt or a bad scenario file read better without a stack).
 */
export async function runCli(usage: string, main: () => Promise<number>, error = console.error): Promise<number> {
  try {
    return await main();
  } catch (failure) {
    if (failure instanceof UsageError) error(`${failure.message}\n${usage}`);
    else error(failure instanceof Error ? failure.message : String(failure));
    return 2;
  }
}
