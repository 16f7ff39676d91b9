import { randomBytes } from 'node:crypto';
import { DatabaseAdmin, databaseName, openStore, withoutPassword } from '../store/index.js';
import { createCatalogueDatabase } from '../store/seed/catalogueDatabase.js';
import type { Catalogue, TrialDatabase, TrialDatabases } from './trialDatabases.js';

/**
 * Trials on a PostgreSQL server: a catalogue database per (seed, count), seeded once through the Store API, and
 * for every trial a new database made from it with `CREATE DATABASE … TEMPLATE` (a copy on the server, much
 * faster than seeding again). All of one run's databases share a prefix naming the run, so an operator can
 * tell them apart and find kept ones. Dropped at the end unless kept.
 */
export class PostgresTrialDatabases implements TrialDatabases {
  readonly engine = 'postgres';
  private readonly catalogues = new Map<string, Promise<string>>();
  private created = 0;
  /** Every database asked for and not dropped since (kept trials too): what a stopped run must remove. */
  private readonly made = new Set<string>();

  private constructor(
    private readonly admin: DatabaseAdmin,
    /** `evals_<time>_<random>`: unique per run, short enough to leave room for the trial's name. */
    readonly prefix: string,
    private readonly server: string,
  ) {}

  /** Connects to the server (any database on it the user may connect to; its `postgres` one is usual). */
  static async connect(serverUrl: string): Promise<PostgresTrialDatabases> {
    const stamp = new Date().toISOString().replace(/[-:]/g, '').slice(0, 15);
    const prefix = databaseName('evals', stamp, randomBytes(2).toString('hex'));
    return new PostgresTrialDatabases(await DatabaseAdmin.connect(serverUrl), prefix, withoutPassword(serverUrl));
  }

  describe(): string {
    return `PostgreSQL databases ${this.prefix}_* on ${this.server}`;
  }

  async create(catalogue: Catalogue, label: string): Promise<TrialDatabase> {
    const template = await this.catalogue(catalogue.seed, catalogue.count);
    // The counter first: a long label is cut at the end, and two databases' names still differ.
    const name = databaseName(this.prefix, `${++this.created}`, label);
    await this.make(name, template);
    const url = this.admin.urlOf(name);
    return {
      location: { DATABASE_URL: url, DATABASE_PATH: '' },
      open: () => openStore({ DATABASE_URL: url, DATABASE_PATH: '' }),
      keep: () => Promise.resolve(withoutPassword(url)),
      discard: () => this.drop(name),
    };
  }

  async close(): Promise<void> {
    try {
      const built = await Promise.allSettled(this.catalogues.values());
      for (const b of built) if (b.status === 'fulfilled') await this.drop(b.value);
    } finally {
      await this.admin.close();
    }
  }

  async dropAll(): Promise<string[]> {
    try {
      await Promise.allSettled(this.catalogues.values());
      // Only those that exist: a create that failed made nothing to report.
      const existing = new Set(await this.admin.named(this.prefix));
      const dropped: string[] = [];
      for (const name of [...this.made]) {
        await this.drop(name);
        if (existing.has(name)) dropped.push(name);
      }
      return dropped;
    } finally {
      await this.admin.close();
    }
  }

  remaining(): string[] {
    return [...this.made];
  }

  /** Recorded before it is asked for, so a stop while the server copies still finds it. */
  private async make(name: string, template?: string): Promise<void> {
    this.made.add(name);
    await this.admin.create(name, template);
  }

  private async drop(name: string): Promise<void> {
    await this.admin.drop(name);
    this.made.delete(name);
  }

  /** One build per (seed, count), shared by concurrent trials; a failed build is tried again by the next. */
  private catalogue(seed: number, count: number): Promise<string> {
    const key = `${seed}-${count}`;
    let name = this.catalogues.get(key);
    if (!name) {
      name = this.build(databaseName(this.prefix, 'catalogue', `${seed}`, `${count}`), seed, count);
      this.catalogues.set(key, name);
      void name.catch(() => this.catalogues.delete(key));
    }
    return name;
  }

  private async build(name: string, seed: number, count: number): Promise<string> {
    // Recorded before it is asked for, so a stop while the server seeds still finds it.
    this.made.add(name);
    await createCatalogueDatabase(this.admin, name, { seed, count }, (n) => this.drop(n).catch(() => undefined));
    return name;
  }
}
