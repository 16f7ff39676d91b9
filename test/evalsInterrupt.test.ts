import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseAdmin } from '../src/store/index.js';
import { FakeOpenAI } from './support/fakeOpenAI.js';

/**
 * `npm run evals -- --database-url …` stopped by a signal, as a real child process on the test cluster: the first
 * signal stops the run and drops every database it made (exit 130 for SIGINT); a second one exits at once and
 * names what is left, never with the URL's password.
 */
const PASSWORD = 'not-a-real-s3cret';

let admin: DatabaseAdmin;
let fake: FakeOpenAI;
let out: string;
/** Both runs start together: most of their time is starting up, which the two cores share. */
let stopped: EvalsProcess;
let forced: EvalsProcess;

/** The admin URL with a password in it (the cluster trusts local connections, so it is never checked). */
function serverWithPassword(): string {
  const url = new URL(inject('postgresUrl'));
  url.password = PASSWORD;
  return url.toString();
}

interface EvalsProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** The run's database prefix, once it has said where its databases are. */
  prefix: () => Promise<string>;
}

function startEvals(args: string[], env: Record<string, string> = {}): EvalsProcess {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/evals/cli.ts', '--database-url', serverWithPassword(), '--out', out, ...args],
    {
      env: { ...process.env, EVAL_DATABASE_URL: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let text = '';
  child.stdout.on('data', (d) => (text += d));
  child.stderr.on('data', (d) => (text += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const prefix = async () => {
    await until(
      () => /trial databases: PostgreSQL databases (\S+)_\* on/.test(text),
      30_000,
      () => text,
    );
    return /trial databases: PostgreSQL databases (\S+)_\* on/.exec(text)![1];
  };
  return { child, output: () => text, exited, prefix };
}

async function until(done: () => boolean | Promise<boolean>, ms: number, what: () => string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out; so far:\n${what()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Waits until one of the run's trial databases (not only its catalogue) is on the server. */
async function trialStarted(run: EvalsProcess): Promise<string> {
  const prefix = await run.prefix();
  const trial = new RegExp(`^${prefix}_\\d+_t\\d+_`);
  await until(async () => (await admin.named(prefix)).some((n) => trial.test(n)), 30_000, run.output);
  return prefix;
}

beforeAll(async () => {
  admin = await DatabaseAdmin.connect(inject('postgresUrl'));
  fake = await FakeOpenAI.start();
  out = mkdtempSync(join(tmpdir(), 'evals-interrupt-'));
  stopped = startEvals(['--concurrency', '2']);
  // The model never answers: the trial in flight cannot end, so only the second signal ends that run.
  fake.whenEmpty = { hang: true };
  forced = startEvals(['--model', 'gpt-4o', '--concurrency', '1'], {
    OPENAI_BASE_URL: fake.baseURL,
    OPENAI_API: 'chat_completions',
    OPENAI_API_KEY: 'sk-test',
  });
});

afterAll(async () => {
  for (const run of [stopped, forced]) run?.child.kill('SIGKILL');
  await fake?.close();
  await admin?.close();
  rmSync(out, { recursive: true, force: true });
});

describe('an eval run on PostgreSQL stopped by a signal', () => {
  it('on Ctrl-C stops, drops every database it made, catalogue too, says which, exits 130', async () => {
    const run = stopped;
    const prefix = await trialStarted(run);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(130);
    const output = run.output();
    expect(output).toMatch(/SIGINT: stopping/);
    const dropped = /dropped \d+ database\(s\) of this run:\n((?: {2}\S+\n?)+)/.exec(output)?.[1].trim().split(/\s+/);
    expect(dropped, output).toContain(`${prefix}_catalogue_42_400`);
    for (const name of dropped!) expect(name.startsWith(`${prefix}_`)).toBe(true);
    expect(await admin.named(prefix)).toEqual([]);
    // No report for a run that did not finish, and the password nowhere.
    expect(readdirSync(out).filter((f) => f.endsWith('.json'))).toEqual([]);
    expect(output).not.toContain(PASSWORD);
  }, 30_000);

  it('exits at once on a second signal, naming the databases it leaves by name only', async () => {
    const run = forced;
    const prefix = await trialStarted(run);
    await until(() => fake.requests.length > 0, 30_000, run.output);
    try {
      run.child.kill('SIGTERM');
      await until(() => /SIGTERM: stopping/.test(run.output()), 10_000, run.output);
      // Past the window in which one keypress arrives more than once (npm and tsx relay it).
      await new Promise((r) => setTimeout(r, 1_200));
      const second = Date.now();
      run.child.kill('SIGINT');
      expect(await run.exited).toBe(130);
      expect(Date.now() - second).toBeLessThan(5_000);
      const output = run.output();
      const left = /Left behind \(drop them by hand\):\n((?: {2}\S+\n?)+)/.exec(output)?.[1].trim().split(/\s+/);
      expect(left?.sort(), output).toEqual(await admin.named(prefix));
      expect(left).toContain(`${prefix}_catalogue_42_400`);
      expect(output).not.toContain(PASSWORD);
      expect(output).not.toMatch(/postgres:\/\/[^ ]*@[^ ]*\/evals_/);
    } finally {
      run.child.kill('SIGKILL');
      for (const name of await admin.named(prefix)) await admin.drop(name);
    }
  }, 30_000);
});
