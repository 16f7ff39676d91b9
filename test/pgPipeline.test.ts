import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import { PgDatabase } from '../src/store/postgres/database.js';
import { freshDatabase } from './support/postgres.js';

// The store's pool is pipelined: a transaction's BEGIN leaves in the same write as its first
// statement. Seen from a loopback relay between the pool and PostgreSQL that counts the client's
// writes: each is one wait on the server, since a client that waits for an answer writes nothing
// meanwhile.
interface Relay {
  url: string;
  writes: () => number;
  close: () => Promise<void>;
}

async function relay(target: string): Promise<Relay> {
  const to = new URL(target);
  let writes = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(Number(to.port), to.hostname);
    sockets.add(client).add(upstream);
    client.on('data', (chunk) => {
      writes++;
      upstream.write(chunk);
    });
    upstream.pipe(client);
    const end = () => [client, upstream].forEach((s) => s.destroy());
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(target);
  url.port = String((server.address() as { port: number }).port);
  return {
    url: url.toString(),
    writes: () => writes,
    close: () => {
      sockets.forEach((s) => s.destroy());
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

let db: PgDatabase | undefined;
let proxy: Relay | undefined;
afterEach(async () => {
  await db?.close();
  await proxy?.close();
  db = proxy = undefined;
});

async function open(): Promise<PgDatabase> {
  proxy = await relay(await freshDatabase());
  db = new PgDatabase(proxy.url, { max: 1 });
  await db.query('CREATE TABLE notes (id int PRIMARY KEY, body text NOT NULL)');
  return db;
}

/** True when the pooled connection is outside any transaction: autocommit gives each statement its own. */
const autocommits = async (db: PgDatabase) =>
  (await db.one<{ fresh: boolean }>('SELECT now() = statement_timestamp() AS fresh'))!.fresh;

it('sends BEGIN with the first statement: a transaction costs no wait for its BEGIN', async () => {
  const db = await open();
  const before = proxy!.writes();
  const body = await db.transaction(async () => {
    await db.run('INSERT INTO notes (id, body) VALUES ($1, $2)', [1, 'first']);
    return (await db.one<{ body: string }>('SELECT body FROM notes WHERE id = $1', [1]))!.body;
  });
  expect(body).toBe('first');
  // BEGIN + INSERT, SELECT, COMMIT.
  expect(proxy!.writes() - before).toBe(3);
  // Read-only transactions too; a transaction without statements sends BEGIN and COMMIT together.
  const mark = proxy!.writes();
  await db.transaction(() => db.one('SELECT count(*) AS n FROM notes', []), { readOnly: true });
  await db.transaction(() => Promise.resolve());
  expect(proxy!.writes() - mark).toBe(3);
});

it('rolls back a transaction whose first statement fails, and the connection is clean after it', async () => {
  const db = await open();
  await db.run('INSERT INTO notes (id, body) VALUES ($1, $2)', [1, 'kept']);
  const failing = db.transaction(async () => {
    await db.run('INSERT INTO notes (id, body) VALUES ($1, $2)', [1, 'duplicate']);
  });
  await expect(failing).rejects.toMatchObject({ code: '23505' });
  // A later statement fails the whole transaction: the rows before it are gone.
  await expect(
    db.transaction(async () => {
      await db.run('INSERT INTO notes (id, body) VALUES ($1, $2)', [2, 'rolled back']);
      await db.run('INSERT INTO notes (id, body) VALUES ($1, $2)', [3, null]);
    }),
  ).rejects.toMatchObject({ code: '23502' });
  // Work that fails before sending anything leaves no transaction open either.
  await expect(db.transaction(() => Promise.reject(new Error('no statement')))).rejects.toThrow('no statement');
  expect(await autocommits(db)).toBe(true);
  expect(await db.query('SELECT id, body FROM notes ORDER BY id')).toEqual([{ id: 1, body: 'kept' }]);
});

it('runs COPY inside a pipelined transaction, after and before other statements', async () => {
  const db = await open();
  const copied = await db.transaction(async () => {
    await db.run('INSERT INTO notes (id, body) VALUES ($1, $2)', [1, 'before']);
    const n = await db.copyIn('COPY notes (id, body) FROM STDIN', ['2\tcopied\n3\talso copied\n']);
    await db.run('UPDATE notes SET body = body || $1', ['!']);
    return n;
  });
  expect(copied).toBe(2);
  expect((await db.query('SELECT body FROM notes ORDER BY id')).map((r) => r.body)).toEqual([
    'before!',
    'copied!',
    'also copied!',
  ]);
  expect(await autocommits(db)).toBe(true);
});

it('sends SAVEPOINT and RELEASE with the statements after them, and still rolls back to a savepoint', async () => {
  const db = await open();
  const insert = (id: number, body: string) => db.run('INSERT INTO notes (id, body) VALUES ($1, $2)', [id, body]);
  const mark = proxy!.writes();
  const kept = await db.transaction(() =>
    db.savepoint(
      () => insert(1, 'inside').then(() => 'done'),
      () => false,
      () => Promise.resolve('fallback'),
    ),
  );
  expect(kept).toBe('done');
  // BEGIN + SAVEPOINT + INSERT, RELEASE + COMMIT.
  expect(proxy!.writes() - mark).toBe(2);
  const undone = await db.transaction(async () => {
    await insert(2, 'before');
    return db.savepoint(
      async () => {
        await insert(3, 'undone');
        await insert(1, 'duplicate');
        return 'done';
      },
      (error) => (error as { code?: string }).code === '23505',
      () => Promise.resolve('fallback'),
    );
  });
  expect(undone).toBe('fallback');
  expect((await db.query('SELECT id FROM notes ORDER BY id')).map((r) => r.id)).toEqual([1, 2]);
  expect(await autocommits(db)).toBe(true);
});

it('queues writes nobody awaits inside a transaction, and a failed one still fails the transaction', async () => {
  const db = await open();
  const write = (id: number, body: string | null) =>
    db.write('INSERT INTO notes (id, body) VALUES ($1, $2)', [id, body]);
  const mark = proxy!.writes();
  const read = await db.transaction(async () => {
    const before = await db.one<{ n: number }>('SELECT count(*) AS n FROM notes WHERE id > $1', [0]);
    await write(1, 'one');
    await write(2, 'two');
    await db.write('UPDATE notes SET body = body || $1 WHERE id = $2', ['!', 1]);
    return before!.n;
  });
  expect(read).toBe(0);
  // BEGIN + SELECT, then the three writes with COMMIT.
  expect(proxy!.writes() - mark).toBe(2);
  expect((await db.query('SELECT body FROM notes ORDER BY id')).map((r) => r.body)).toEqual(['one!', 'two']);

  // A failed write is the error of the statement after it, or of COMMIT; nothing of the transaction stays.
  await expect(
    db.transaction(async () => {
      await write(3, 'three');
      await write(4, null);
      return 'done';
    }),
  ).rejects.toMatchObject({ code: '23502' });
  await expect(
    db.transaction(async () => {
      await write(5, null);
      await db.one('SELECT 1 AS one', []);
    }),
  ).rejects.toMatchObject({ code: '23502' });
  // Before a savepoint it is settled first: its unique violation does not pass for the savepoint's own.
  await expect(
    db.transaction(async () => {
      await write(1, 'duplicate');
      return db.savepoint(
        () => write(6, 'six').then(() => 'kept'),
        (error) => (error as { code?: string }).code === '23505',
        () => Promise.resolve('fallback'),
      );
    }),
  ).rejects.toMatchObject({ code: '23505' });
  // Outside a transaction a write is awaited like any statement.
  await expect(write(7, null)).rejects.toMatchObject({ code: '23502' });
  expect((await db.query('SELECT id FROM notes ORDER BY id')).map((r) => r.id)).toEqual([1, 2]);
  expect(await autocommits(db)).toBe(true);
});
