import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

/**
 * One throwaway PostgreSQL cluster for a test run (vitest globalSetup): initdb into a temp dir,
 * `postgres` on a free port of 127.0.0.1 with fsync off, stopped and removed at the end. Under root
 * the server runs as the `postgres` user. TEST_DATABASE_URL (a server someone else runs) is used
 * instead when set. No server is a failure, never a skip: CI must run the PostgreSQL suites.
 */
export interface Cluster {
  /** An admin URL (database `postgres`); tests create their own databases on it. */
  url: string;
  stop: () => Promise<void>;
}

function binDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
    if (which.status === 0 && which.stdout.trim()) return join(which.stdout.trim(), '..');
    throw new Error(
      'PostgreSQL tests: no initdb found (install postgresql, e.g. `apt-get install postgresql`, set PG_BIN to its bin directory, or set TEST_DATABASE_URL).',
    );
  }
  return join(root, versions[0], 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The uid/gid to run the server as: the `postgres` user under root (initdb refuses root). */
function serverUser(): { uid: number; gid: number } | undefined {
  if (userInfo().uid !== 0) return undefined;
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  const uid = id('-u');
  const gid = id('-g');
  if (uid.status !== 0 || gid.status !== 0)
    throw new Error('PostgreSQL tests: running as root, but there is no `postgres` user to run the server as.');
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

async function waitReady(url: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`PostgreSQL test server exited (${server.exitCode}):\n${log()}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline)
        throw new Error(`PostgreSQL test server did not start: ${String(error)}\n${log()}`, { cause: error });
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

export async function startCluster(): Promise<Cluster> {
  if (process.env.TEST_DATABASE_URL) return { url: process.env.TEST_DATABASE_URL, stop: () => Promise.resolve() };
  const bin = binDir();
  const user = serverUser();
  const dir = mkdtempSync(join(tmpdir(), 'pg-test-'));
  const data = join(dir, 'data');
  chmodSync(dir, 0o755);
  if (user) chownSync(dir, user.uid, user.gid);
  const initdb = spawnSync(
    join(bin, 'initdb'),
    ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions'],
    { encoding: 'utf8', uid: user?.uid, gid: user?.gid, cwd: dir },
  );
  if (initdb.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`PostgreSQL tests: initdb failed (${initdb.status}):\n${initdb.stderr}${initdb.stdout}`);
  }
  const port = await freePort();
  let output = '';
  const server = spawn(
    join(bin, 'postgres'),
    [
      '-D',
      data,
      '-p',
      String(port),
      '-h',
      '127.0.0.1',
      '-k',
      dir,
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=400',
      '-c',
      'shared_buffers=64MB',
    ],
    { uid: user?.uid, gid: user?.gid, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  server.stdout?.on('data', keep);
  server.stderr?.on('data', keep);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  // A run that dies without its teardown must not leave a server behind.
  const orphaned = () => void server.kill('SIGQUIT');
  process.once('exit', orphaned);
  const stop = async () => {
    process.off('exit', orphaned);
    if (server.exitCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGINT'); // fast shutdown
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (server.exitCode === null) server.kill('SIGKILL');
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitReady(url, server, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}
