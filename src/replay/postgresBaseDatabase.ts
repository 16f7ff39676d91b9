import { randomBytes } from 'node:crypto';
import { DatabaseAdmin, databaseName, openStore, type Store } from '../store/index.js';
import { createCatalogueDatabase } from '../store/seed/catalogueDatabase.js';

/** A replay's own database: the catalogue the run saw, none of the service's data; `discard` removes it. */
export interface ScratchDatabase {
  store: Store;
  discard(): Promise<void>;
}

/** Every database a replay makes starts so: an operator can tell them from the service's own. */
const PREFIX = 'replay';
/** A replay's copy older than this was left by an instance that died mid-replay (a run times out long before). */
const COPY_STALE_MS = 10 * 60_000;
/** A template this old is rebuilt: its instance, if alive, builds a new one at its next replay. */
const TEMPLATE_STALE_MS = 7 * 24 * 3_600_000;

const stamp = (ms: number) => Math.floor(ms / 1000).toString(36);
/** `replay_<kind>_<time, base 36 seconds>_<random>…`: the time the database was made, for the sweep. */
const madeAt = (name: string): number | undefined => {
  const match = /^replay_[ct]_([0-9a-z]+)_/.exec(name);
  return match ? parseInt(match[1], 36) * 1000 : undefined;
};

/** The database user may not create databases: the operator's fix, in the message. */
export class ReplayDatabaseError extends Error {
  override readonly name = 'ReplayDatabaseError';
  constructor(cause: unknown) {
    super('replays on PostgreSQL need CREATEDB for the service’s database user (ALTER ROLE … CREATEDB)', { cause });
  }
}

const refused = (error: unknown) => (error as { code?: unknown }).code === '42501';

/** PostgreSQL's words for a template that another instance's sweep dropped. */
const templateGone = (error: unknown) => (error as { code?: unknown }).code === '3D000';

/**
 * Scratch databases for replays on PostgreSQL: a run recorded there is replayed there, since a search
 * ranks its matches a little differently on each engine and a replay compares them. Each catalogue
 * (seed, count) is seeded once per process into a template database (seconds), and every replay gets
 * a `CREATE DATABASE … TEMPLATE` copy of it (a quarter of a second), dropped once it is done.
 *
 * The service's database user needs CREATEDB. What an instance killed mid-replay leaves behind is
 * swept by the next template build on any instance: copies after 10 minutes, templates after a week.
 */
export class PostgresReplayBases {
  private admin?: Promise<DatabaseAdmin>;
  private readonly templates = new Map<string, Promise<string>>();
  private readonly drops = new Set<Promise<void>>();

  constructor(private readonly serverUrl: string) {}

  async open(catalogue: { count: number; seed: number }): Promise<ScratchDatabase> {
    try {
      return await this.copy(catalogue);
    } catch (error) {
      throw refused(error) ? new ReplayDatabaseError(error) : error;
    }
  }

  private async copy(catalogue: { count: number; seed: number }): Promise<ScratchDatabase> {
    const admin = await this.connect();
    const name = this.newName('c');
    try {
      await admin.create(name, await this.template(catalogue));
    } catch (error) {
      if (!templateGone(error)) throw error;
      // Swept by another instance as stale: build it again, once.
      this.templates.delete(key(catalogue));
      await admin.create(name, await this.template(catalogue));
    }
    let store: Store;
    try {
      store = await openStore({ DATABASE_URL: admin.urlOf(name), DATABASE_PATH: '' });
    } catch (error) {
      this.drop(admin, name);
      throw error;
    }
    return {
      store,
      // Not awaited by the replay: dropping takes longer than the copy, and nobody waits for it but `close`.
      discard: () => store.close().finally(() => this.drop(admin, name)),
    };
  }

  /** Seeds the catalogue's template ahead of the first replay that needs it. */
  async prepare(catalogue: { count: number; seed: number }): Promise<void> {
    try {
      await this.template(catalogue);
    } catch (error) {
      throw refused(error) ? new ReplayDatabaseError(error) : error;
    }
  }

  /** Drops this process's templates, once the drops under way are done. */
  async close(): Promise<void> {
    const connecting = this.admin;
    // Closed once: a later replay connects again.
    this.admin = undefined;
    const admin = await connecting?.catch(() => undefined);
    if (!admin) return;
    const built = await Promise.allSettled(this.templates.values());
    for (const b of built) if (b.status === 'fulfilled') this.drop(admin, b.value);
    this.templates.clear();
    await Promise.allSettled([...this.drops]);
    await admin.close();
  }

  private connect(): Promise<DatabaseAdmin> {
    this.admin ??= DatabaseAdmin.connect(this.serverUrl, 2);
    // A server that was down gets another try at the next replay.
    this.admin.catch(() => (this.admin = undefined));
    return this.admin;
  }

  private newName(kind: 'c' | 't', ...rest: string[]): string {
    return databaseName(PREFIX, kind, stamp(Date.now()), randomBytes(4).toString('hex'), ...rest);
  }

  private drop(admin: DatabaseAdmin, name: string): void {
    const dropping = admin.drop(name).catch(() => undefined);
    this.drops.add(dropping);
    void dropping.finally(() => this.drops.delete(dropping));
  }

  private template(catalogue: { count: number; seed: number }): Promise<string> {
    let template = this.templates.get(key(catalogue));
    if (!template) {
      template = this.build(catalogue);
      this.templates.set(key(catalogue), template);
      // A failed build is not kept: the next replay tries again.
      template.catch(() => this.templates.delete(key(catalogue)));
    }
    return template;
  }

  private async build(catalogue: { count: number; seed: number }): Promise<string> {
    const admin = await this.connect();
    await this.sweep(admin);
    const name = this.newName('t', `${catalogue.seed}`, `${catalogue.count}`);
    await createCatalogueDatabase(admin, name, catalogue, (n) => this.drop(admin, n));
    return name;
  }

  /** Drops what dead instances left: copies past COPY_STALE_MS, templates past TEMPLATE_STALE_MS. */
  private async sweep(admin: DatabaseAdmin): Promise<void> {
    const now = Date.now();
    for (const name of await admin.named(`${PREFIX}_`)) {
      const made = madeAt(name);
      if (made === undefined) continue;
      const limit = name.startsWith(`${PREFIX}_t_`) ? TEMPLATE_STALE_MS : COPY_STALE_MS;
      if (now - made > limit) this.drop(admin, name);
    }
  }
}

const key = (catalogue: { count: number; seed: number }) => `${catalogue.seed}-${catalogue.count}`;
