import type Database from 'better-sqlite3';
import { searchKeySql } from './searchKey.js';
import {
  initialCategoryNumbersSql,
  MAX_SEARCH_CATEGORY_NUMBER,
  positionalCategoryNumberSql,
  storedCategoryNumberSql,
} from './searchCategories.js';

/** listings_search follows listings through triggers; `key` is the search key of a listing row. */
const searchTriggers = (key: (row: string) => string) => `
  CREATE TRIGGER listings_search_insert AFTER INSERT ON listings BEGIN
    INSERT INTO listings_search (rowid, title, description) VALUES (${key('new')}, new.title, new.description);
  END;
  CREATE TRIGGER listings_search_delete AFTER DELETE ON listings BEGIN
    DELETE FROM listings_search WHERE rowid = ${key('old')};
  END;
  CREATE TRIGGER listings_search_update AFTER UPDATE OF title, description, category, status ON listings BEGIN
    DELETE FROM listings_search WHERE rowid = ${key('old')};
    INSERT INTO listings_search (rowid, title, description) VALUES (${key('new')}, new.title, new.description);
  END;`;

/** Migration 6's key: category numbers by position in CATEGORIES. */
const positionalKey = (row: string) => searchKeySql(row, positionalCategoryNumberSql(row));
/** Migration 7's key: category numbers from search_categories. */
const storedKey = (row: string) => searchKeySql(row, storedCategoryNumberSql(row));

/**
 * Versioned, append-only migrations. Each runs once inside a transaction and
 * bumps `PRAGMA user_version`, so a database file created by any earlier
 * release upgrades in place at start.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: listings with an external-content FTS5 index kept in sync by triggers.
  `
  CREATE TABLE listings (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    seller_id TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    category TEXT NOT NULL,
    price_cents INTEGER NOT NULL CHECK (price_cents > 0),
    condition TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'sold')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX listings_by_seller ON listings (seller_id, status);
  CREATE INDEX listings_by_category ON listings (category, status, price_cents);
  CREATE VIRTUAL TABLE listings_fts USING fts5 (
    title, description,
    content = 'listings', content_rowid = 'rowid',
    tokenize = 'porter unicode61 remove_diacritics 2'
  );
  CREATE TRIGGER listings_fts_insert AFTER INSERT ON listings BEGIN
    INSERT INTO listings_fts (rowid, title, description) VALUES (new.rowid, new.title, new.description);
  END;
  CREATE TRIGGER listings_fts_delete AFTER DELETE ON listings BEGIN
    INSERT INTO listings_fts (listings_fts, rowid, title, description) VALUES ('delete', old.rowid, old.title, old.description);
  END;
  CREATE TRIGGER listings_fts_update AFTER UPDATE OF title, description ON listings BEGIN
    INSERT INTO listings_fts (listings_fts, rowid, title, description) VALUES ('delete', old.rowid, old.title, old.description);
    INSERT INTO listings_fts (rowid, title, description) VALUES (new.rowid, new.title, new.description);
  END;
  `,
  // 2: conversations, their SDK session items, runs, approvals, executions, decisions, feedback.
  `
  CREATE TABLE conversations (
    id TEXT PRIMARY KEY,
    seller_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX conversations_by_seller ON conversations (seller_id, created_at);
  CREATE TABLE conversation_items (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    conversation_id TEXT NOT NULL REFERENCES conversations (id),
    item TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX conversation_items_by_conversation ON conversation_items (conversation_id, seq);
  CREATE TABLE runs (
    id TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL REFERENCES conversations (id),
    seller_id TEXT NOT NULL,
    trace_id TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('running', 'completed', 'awaiting_approval', 'stopped')),
    stop_reason TEXT,
    reply TEXT,
    steps INTEGER NOT NULL DEFAULT 0,
    input TEXT NOT NULL,
    state TEXT,
    app_version TEXT NOT NULL,
    prompt_version TEXT NOT NULL,
    model TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX runs_by_conversation ON runs (conversation_id, created_at);
  CREATE INDEX runs_by_status ON runs (status);
  CREATE TABLE approvals (
    id TEXT PRIMARY KEY,
    run_id TEXT NOT NULL REFERENCES runs (id),
    call_id TEXT NOT NULL,
    seller_id TEXT NOT NULL,
    tool TEXT NOT NULL,
    arguments TEXT NOT NULL,
    summary TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'expired', 'superseded')),
    message TEXT,
    decided_by TEXT,
    decided_at TEXT,
    expires_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (run_id, call_id)
  );
  CREATE INDEX approvals_pending ON approvals (status, expires_at);
  CREATE TABLE tool_executions (
    run_id TEXT NOT NULL,
    call_id TEXT NOT NULL,
    seller_id TEXT NOT NULL,
    tool TEXT NOT NULL,
    arguments TEXT NOT NULL,
    result TEXT NOT NULL,
    approval_id TEXT,
    executed_at TEXT NOT NULL,
    PRIMARY KEY (run_id, call_id)
  );
  CREATE INDEX tool_executions_by_seller ON tool_executions (seller_id, executed_at);
  CREATE TABLE policy_decisions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id TEXT NOT NULL,
    call_id TEXT NOT NULL,
    tool TEXT NOT NULL,
    phase TEXT NOT NULL CHECK (phase IN ('proposal', 'execution')),
    decision TEXT NOT NULL CHECK (decision IN ('allow', 'needs_confirmation', 'deny')),
    rule TEXT NOT NULL,
    reason TEXT NOT NULL,
    arguments TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (run_id, call_id, phase)
  );
  CREATE TABLE feedback (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    run_id TEXT NOT NULL REFERENCES runs (id),
    seller_id TEXT NOT NULL,
    value INTEGER NOT NULL CHECK (value IN (1, -1)),
    comment TEXT,
    created_at TEXT NOT NULL
  );
  `,
  // 3: recorded trace spans (model calls, tool calls, agent segments) and run tags.
  `
  CREATE TABLE trace_spans (
    span_id TEXT PRIMARY KEY,
    trace_id TEXT NOT NULL,
    parent_id TEXT,
    kind TEXT NOT NULL,
    name TEXT,
    started_at TEXT,
    ended_at TEXT,
    data TEXT NOT NULL,
    error TEXT
  );
  CREATE INDEX trace_spans_by_trace ON trace_spans (trace_id, started_at);
  ALTER TABLE runs ADD COLUMN tags TEXT NOT NULL DEFAULT '[]';
  CREATE INDEX runs_by_trace ON runs (trace_id);
  CREATE INDEX runs_by_seller ON runs (seller_id, created_at);
  CREATE INDEX runs_by_created ON runs (created_at);
  CREATE INDEX policy_decisions_by_run ON policy_decisions (run_id);
  CREATE INDEX approvals_by_run ON approvals (run_id);
  `,
  // 4: facts about the database itself, e.g. which generated catalogue it was seeded with (replay rebuilds it).
  `
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `,
  // 5: the feedback loop. Corrections: a seller turned down an action (reject, or a new message
  // instead of deciding), with the arguments before and, once a revised action is approved, after.
  // Review items: runs queued for a human label (sampled, thumbs-down, corrected), one per run.
  `
  CREATE TABLE corrections (
    id TEXT PRIMARY KEY,
    run_id TEXT NOT NULL REFERENCES runs (id),
    trace_id TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    seller_id TEXT NOT NULL,
    approval_id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('rejected', 'edited')),
    via TEXT NOT NULL CHECK (via IN ('rejection', 'new_message')),
    tool TEXT NOT NULL,
    before TEXT NOT NULL,
    after TEXT,
    changed_fields TEXT NOT NULL DEFAULT '[]',
    message TEXT,
    revised_approval_id TEXT,
    revised_in_run_id TEXT,
    created_at TEXT NOT NULL,
    revised_at TEXT
  );
  CREATE INDEX corrections_by_run ON corrections (run_id);
  CREATE INDEX corrections_by_revising_run ON corrections (revised_in_run_id);
  CREATE TABLE review_items (
    id TEXT PRIMARY KEY,
    run_id TEXT NOT NULL UNIQUE REFERENCES runs (id),
    trace_id TEXT NOT NULL,
    reasons TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'labelled')),
    label TEXT CHECK (label IN ('good', 'bad')),
    note TEXT,
    reviewer TEXT,
    promoted_scenario TEXT,
    created_at TEXT NOT NULL,
    labelled_at TEXT,
    promoted_at TEXT
  );
  CREATE INDEX review_items_by_status ON review_items (status, created_at);
  CREATE INDEX review_items_by_created ON review_items (created_at);
  `,
  // 6: a second, contentless FTS5 index of the same listings for searchSimilar, whose rowid is a
  // search key instead of the listing rowid: inactive bit (2^48) | approximate length in words,
  // capped at 4095 (2^36) | category number (2^32) | listing rowid (< 2^32). FTS5 walks doclists
  // in rowid order and stops at LIMIT, so "active listings that match, shortest first" is a
  // cheap prefix walk (bm25 favours short documents), status and category are read from the key
  // without touching the listings table, and bm25 over it equals bm25 over listings_fts (same
  // documents, same tokenizer, same statistics). The category numbers follow CATEGORIES in
  // src/domain/categories.ts (0: any other value); src/store/searchKey.ts has the layout.
  `
  CREATE VIRTUAL TABLE listings_search USING fts5 (
    title, description,
    content = '', contentless_delete = 1,
    tokenize = 'porter unicode61 remove_diacritics 2'
  );
  INSERT INTO listings_search (rowid, title, description) SELECT ${positionalKey('l')}, l.title, l.description FROM listings l;
  ${searchTriggers(positionalKey)}
  `,
  // 7: category numbers kept in a table instead of a CASE in the triggers, so that a category added
  // to CATEGORIES later gets a number on a database made before (src/store/searchCategories.ts).
  // The index is rebuilt once, so its keys carry exactly the table's numbers whatever list
  // migration 6 numbered (costs about what migration 6's first build did).
  `
  CREATE TABLE search_categories (
    category TEXT PRIMARY KEY,
    number INTEGER NOT NULL UNIQUE CHECK (number BETWEEN 1 AND ${MAX_SEARCH_CATEGORY_NUMBER})
  );
  ${initialCategoryNumbersSql()}
  DROP TRIGGER listings_search_insert;
  DROP TRIGGER listings_search_delete;
  DROP TRIGGER listings_search_update;
  ${searchTriggers(storedKey)}
  INSERT INTO listings_search (listings_search) VALUES ('delete-all');
  INSERT INTO listings_search (rowid, title, description) SELECT ${storedKey('l')}, l.title, l.description FROM listings l;
  `,
  // 8: the gate's automatic refusals get their own table; until now they were approvals decided by
  // 'policy-gate'. Those rows move here (rule and, for unparsed calls, the raw arguments come from the
  // proposal's policy decision) and leave approvals, which then holds only what the seller was asked.
  `
  CREATE TABLE call_refusals (
    run_id TEXT NOT NULL REFERENCES runs (id),
    call_id TEXT NOT NULL,
    tool TEXT NOT NULL,
    arguments TEXT NOT NULL,
    rule TEXT NOT NULL,
    reason TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (run_id, call_id)
  );
  INSERT OR IGNORE INTO call_refusals (run_id, call_id, tool, arguments, rule, reason, created_at)
    SELECT a.run_id, a.call_id, a.tool, COALESCE(d.arguments, a.arguments), COALESCE(d.rule, 'unknown'),
      COALESCE(a.message, d.reason, 'not allowed'), a.created_at
    FROM approvals a
    LEFT JOIN policy_decisions d ON d.run_id = a.run_id AND d.call_id = a.call_id AND d.phase = 'proposal'
    WHERE a.decided_by = 'policy-gate'
    ORDER BY a.created_at, a.rowid;
  DELETE FROM approvals WHERE decided_by = 'policy-gate';
  `,
  // 9: several processes on one file. Leases (`run:<id>`, `conversation:<id>`) say which instance runs
  // a run segment or holds a conversation, until when (epoch ms); request counts per fixed window back
  // the shared rate limits.
  `
  CREATE TABLE leases (
    key TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX leases_by_owner ON leases (owner);
  CREATE TABLE rate_counters (
    key TEXT NOT NULL,
    window_start INTEGER NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (key, window_start)
  ) WITHOUT ROWID;
  `,
  // 10: uploaded photos, stored once per seller (the id hashes seller and bytes) and referred to by id
  // everywhere else; a listing's photos in order. The covering indexes sum a quota without the bytes.
  `
  CREATE TABLE images (
    id TEXT PRIMARY KEY,
    seller_id TEXT NOT NULL,
    conversation_id TEXT NOT NULL REFERENCES conversations (id),
    mime TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    data BLOB NOT NULL
  );
  CREATE INDEX images_by_seller ON images (seller_id, bytes);
  CREATE INDEX images_by_conversation ON images (conversation_id, bytes);
  CREATE TABLE listing_photos (
    listing_id TEXT NOT NULL REFERENCES listings (id),
    position INTEGER NOT NULL,
    image_id TEXT NOT NULL REFERENCES images (id),
    PRIMARY KEY (listing_id, position)
  );
  CREATE INDEX listing_photos_by_image ON listing_photos (image_id);
  `,
  // 11: support's full-text search over what the seller wrote and what the assistant replied: a
  // contentless FTS5 index keyed by the run's rowid (the texts stay in runs), kept by triggers.
  // No stemmer: a search word matches as a word prefix, the same rule as the PostgreSQL engine.
  `
  CREATE VIRTUAL TABLE runs_search USING fts5 (
    message, reply,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
  );
  INSERT INTO runs_search (rowid, message, reply)
    SELECT rowid, COALESCE(json_extract(input, '$.text'), ''), COALESCE(reply, '') FROM runs;
  CREATE TRIGGER runs_search_insert AFTER INSERT ON runs BEGIN
    INSERT INTO runs_search (rowid, message, reply)
      VALUES (new.rowid, COALESCE(json_extract(new.input, '$.text'), ''), COALESCE(new.reply, ''));
  END;
  CREATE TRIGGER runs_search_reply AFTER UPDATE OF reply ON runs WHEN new.reply IS NOT old.reply BEGIN
    DELETE FROM runs_search WHERE rowid = old.rowid;
    INSERT INTO runs_search (rowid, message, reply)
      VALUES (new.rowid, COALESCE(json_extract(new.input, '$.text'), ''), COALESCE(new.reply, ''));
  END;
  CREATE TRIGGER runs_search_delete AFTER DELETE ON runs BEGIN
    DELETE FROM runs_search WHERE rowid = old.rowid;
  END;
  `,
  // 12: edit on approve. An approval the seller edited keeps the model's proposal in
  // proposed_arguments while arguments holds what the seller confirmed; the correction it makes
  // is recorded with via 'edit' (the table is rebuilt: SQLite cannot change a CHECK in place).
  `
  ALTER TABLE approvals ADD COLUMN proposed_arguments TEXT;
  CREATE TABLE corrections_v12 (
    id TEXT PRIMARY KEY,
    run_id TEXT NOT NULL REFERENCES runs (id),
    trace_id TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    seller_id TEXT NOT NULL,
    approval_id TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('rejected', 'edited')),
    via TEXT NOT NULL CHECK (via IN ('rejection', 'new_message', 'edit')),
    tool TEXT NOT NULL,
    before TEXT NOT NULL,
    after TEXT,
    changed_fields TEXT NOT NULL DEFAULT '[]',
    message TEXT,
    revised_approval_id TEXT,
    revised_in_run_id TEXT,
    created_at TEXT NOT NULL,
    revised_at TEXT
  );
  INSERT INTO corrections_v12 SELECT id, run_id, trace_id, conversation_id, seller_id, approval_id, kind, via, tool,
    before, after, changed_fields, message, revised_approval_id, revised_in_run_id, created_at, revised_at
    FROM corrections ORDER BY rowid;
  DROP TABLE corrections;
  ALTER TABLE corrections_v12 RENAME TO corrections;
  CREATE INDEX corrections_by_run ON corrections (run_id);
  CREATE INDEX corrections_by_revising_run ON corrections (revised_in_run_id);
  `,
  // A lease's token: new at every acquisition, so a segment's writes can tell its own lease from a
  // later one of the same instance (fencing a segment that stalled past its lease).
  `ALTER TABLE leases ADD COLUMN token TEXT NOT NULL DEFAULT ''`,
  // 14: fewer pages per commit (each B-tree a commit touches is a page written to the WAL). Leases
  // are found by key only: one B-tree without a rowid, and no owner index (renewal scans the live
  // leases, a few per run in flight). A trace's spans are unique within it: one index, the trace's
  // spans side by side, serves both the upsert and the lookup by trace (was two, one by random span id).
  // A run's decisions are found through their unique (run_id, ...) index: the one on run_id alone
  // only repeated it. (Approvals keep theirs: without it, "this run's pending approvals" is planned
  // over every pending approval.)
  `
  DROP INDEX policy_decisions_by_run;
  CREATE TABLE leases_v14 (
    key TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    expires_at INTEGER NOT NULL,
    token TEXT NOT NULL DEFAULT ''
  ) WITHOUT ROWID;
  INSERT INTO leases_v14 (key, owner, expires_at, token) SELECT key, owner, expires_at, token FROM leases;
  DROP TABLE leases;
  ALTER TABLE leases_v14 RENAME TO leases;
  CREATE TABLE trace_spans_v14 (
    span_id TEXT NOT NULL,
    trace_id TEXT NOT NULL,
    parent_id TEXT,
    kind TEXT NOT NULL,
    name TEXT,
    started_at TEXT,
    ended_at TEXT,
    data TEXT NOT NULL,
    error TEXT,
    UNIQUE (trace_id, span_id)
  );
  INSERT INTO trace_spans_v14 (rowid, span_id, trace_id, parent_id, kind, name, started_at, ended_at, data, error)
    SELECT rowid, span_id, trace_id, parent_id, kind, name, started_at, ended_at, data, error FROM trace_spans;
  DROP TABLE trace_spans;
  ALTER TABLE trace_spans_v14 RENAME TO trace_spans;
  `,
];

export function migrate(db: Database.Database): number {
  const version = () => db.pragma('user_version', { simple: true }) as number;
  while (version() < MIGRATIONS.length) {
    // Under the write lock, and the version asked again inside: two processes opening a new file
    // at once run each migration once (the second waits, then finds it done).
    db.transaction(() => {
      const current = version();
      if (current >= MIGRATIONS.length) return;
      db.exec(MIGRATIONS[current]);
      db.pragma(`user_version = ${current + 1}`);
    }).immediate();
  }
  return MIGRATIONS.length;
}
