import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Store, type StoreEngine, type StoreLocation } from '../store/index.js';
import { CatalogueTemplates } from './trialData.js';

/** Which seeded catalogue a database starts from: the generator's seed and its number of listings. */
export interface Catalogue {
  seed: number;
  count: number;
}

/** One trial's own database, a fresh copy of its scenario's catalogue. */
export interface TrialDatabase {
  /** Where a service configured for it would look (the trial's config says the same). */
  readonly location: StoreLocation;
  /** A new Store on it: every instance of the trial's assistant gets its own, as separate processes would. */
  open(): Promise<Store>;
  /**
   * Keeps it for inspection once every store on it is closed; answers what the report names (a file, or a
   * URL without its password).
   */
  keep(dir: string, fileName: string): Promise<string>;
  /** Removes it, once every store on it is closed. */
  discard(): Promise<void>;
}

export type TrialEngine = StoreEngine;

/** Where the trials' databases live for one suite run: SQLite files, or databases on a PostgreSQL server. */
export interface TrialDatabases {
  /** `postgres` when several instances can share one trial's database. */
  readonly engine: TrialEngine;
  /** Where they are, for the operator (no password). */
  describe(): string;
  /**
   * A new database holding the seeded catalogue (`seed`, `count`: built once per run, then copied), named
   * after `label` (a trial, a measurement).
   */
  create(catalogue: Catalogue, label: string): Promise<TrialDatabase>;
  /** Removes the catalogues and anything else of the run's own (not the kept trials). */
  close(): Promise<void>;
  /**
   * A stopped run: once no trial is in flight, removes everything it made, kept trials and catalogues too, and
   * closes. Answers what it removed, by name.
   */
  dropAll(): Promise<string[]>;
  /** What the run made and has not removed yet, by name: what a forced exit leaves behind. */
  remaining(): string[];
}

/** The default: each trial a SQLite file in a scratch folder, copied from a per-(seed, count) catalogue file. */
export class SqliteTrialDatabases implements TrialDatabases {
  readonly engine = 'sqlite';
  private readonly templates: CatalogueTemplates;
  /** Kept copies outside the scratch folder. */
  private readonly kept = new Set<string>();
  /** Folders made to keep copies in (the report's `<stamp>/`): a stopped run removes them again, when empty. */
  private readonly keepFolders = new Set<string>();

  constructor(private readonly scratchDir: string) {
    this.templates = new CatalogueTemplates(join(scratchDir, 'catalogues'));
  }

  async create(catalogue: Catalogue, label: string): Promise<TrialDatabase> {
    const template = await this.templates.path(catalogue.seed, catalogue.count);
    const dir = mkdtempSync(join(this.scratchDir, `${label.replace(/[^\w.-]+/g, '_')}-`));
    const path = join(dir, 'trial.db');
    copyFileSync(template, path);
    return {
      location: { DATABASE_PATH: path },
      open: () => Promise.resolve(Store.open(path)),
      keep: (keepIn, fileName) => {
        // The first folder it made, if any: only what this run made is removed if it stops.
        const made = mkdirSync(keepIn, { recursive: true });
        if (made) this.keepFolders.add(made);
        const kept = join(keepIn, `${fileName}.db`);
        copyFileSync(path, kept);
        this.kept.add(kept);
        return Promise.resolve(kept);
      },
      discard: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
    };
  }

  describe(): string {
    return `SQLite files under ${this.scratchDir}`;
  }

  close(): Promise<void> {
    rmSync(this.scratchDir, { recursive: true, force: true });
    return Promise.resolve();
  }

  async dropAll(): Promise<string[]> {
    const dropped = [...(existsSync(this.scratchDir) ? [this.scratchDir] : []), ...this.kept];
    for (const kept of this.kept) rmSync(kept, { force: true });
    this.kept.clear();
    // No empty report folder stays behind; one holding anything else is not this run's to remove.
    for (const folder of this.keepFolders)
      if (isEmptyFolder(folder)) {
        rmSync(folder, { recursive: true });
        dropped.push(folder);
      }
    this.keepFolders.clear();
    await this.close();
    return dropped;
  }

  remaining(): string[] {
    return [
      ...(existsSync(this.scratchDir) ? [this.scratchDir] : []),
      ...[...this.keepFolders].filter((folder) => existsSync(folder)),
      ...this.kept,
    ];
  }
}

/** A folder with nothing in it, nested empty folders aside. */
function isEmptyFolder(path: string): boolean {
  if (!existsSync(path)) return false;
  return readdirSync(path, { withFileTypes: true }).every(
    (entry) => entry.isDirectory() && isEmptyFolder(join(path, entry.name)),
  );
}
