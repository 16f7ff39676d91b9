import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from '../../test/support/serverProcess.js';

/**
 * The PostgreSQL server a benchmark runs on: BENCH_DATABASE_URL (an admin URL; the bench creates its
 * databases there and keeps them for the next run), else a throwaway cluster under the temp dir
 * (initdb, then pg_ctl, as the `postgres` user under root), removed at the end. Either way the server
 * should load pg_stat_statements: the API bench counts statements per run with it.
 */
export interface BenchServer {
  url: string;
  stop: () => Promise<void>;
}

const pgBin = (): string => {
  if (process.env.PG_BIN) return process.env.PG_BIN;
  const root = '/usr/lib/postgresql';
  const version = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))[0]
    : undefined;
  if (!version) throw new Error('bench: no PostgreSQL binaries found (set PG_BIN or BENCH_DATABASE_URL)');
  return join(root, version, 'bin');
};

export async function benchPostgres(): Promise<BenchServer> {
  if (process.env.BENCH_DATABASE_URL) return { url: process.env.BENCH_DATABASE_URL, stop: () => Promise.resolve() };
  const bin = pgBin();
  const root = userInfo().uid === 0;
  const as = (command: string[]) =>
    root ? ['su', 'postgres', '-s', '/bin/sh', '-c', command.map((c) => `'${c}'`).join(' ')] : command;
  const exec = (command: string[]) => {
    const [file, ...args] = as(command);
    return spawnSync(file, args, { encoding: 'utf8' });
  };
  const run = (command: string[]) => {
    const result = exec(command);
    if (result.status !== 0) throw new Error(`bench: ${command[0]} failed:\n${result.stderr}${result.stdout}`);
  };
  const dir = mkdtempSync(join(tmpdir(), 'bench-pg-'));
  chmodSync(dir, 0o755);
  if (root) {
    const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
    chownSync(dir, id('-u'), id('-g'));
  }
  const data = join(dir, 'data');
  const port = await freePort();
  run([join(bin, 'initdb'), '-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  // Durability off (a benchmark's data is disposable); sizes for a 1M-listing catalogue on a small machine.
  const settings = [
    `-p ${port} -h 127.0.0.1 -k ${dir}`,
    '-c fsync=off -c synchronous_commit=off -c full_page_writes=off',
    '-c max_connections=400 -c shared_buffers=256MB -c maintenance_work_mem=256MB',
    '-c shared_preload_libraries=pg_stat_statements',
  ].join(' ');
  run([join(bin, 'pg_ctl'), '-D', data, '-l', join(dir, 'log'), '-w', '-o', settings, 'start']);
  let stopped = false;
  const stop = () => {
    if (!stopped) {
      stopped = true;
      exec([join(bin, 'pg_ctl'), '-D', data, '-m', 'fast', '-w', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    }
    return Promise.resolve();
  };
  process.once('exit', () => void stop());
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop };
}

/** The URL of database `name` on the server at `admin`, created when missing. */
export async function databaseOn(admin: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}
