import type pg from 'pg';

/**
 * The words of a listing as the search sees them: title and description, lower-cased, common
 * Latin diacritics removed (like the SQLite tokenizer's remove_diacritics and searchTerms), then
 * the english configuration's stemming (close to FTS5's porter tokenizer).
 */
const SEARCH_DOCUMENT_FUNCTION = `
  CREATE FUNCTION listing_search_document(title text, description text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT to_tsvector('english'::regconfig, translate(lower(title || ' ' || description),
      'àáâãäåāçćčèéêëēęìíîïīłñńòóôõöøōśšùúûüūýÿźżžÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖØÙÚÛÜÝ',
      'aaaaaaaccceeeeeeiiiiilnnooooooossuuuuuyyzzzaaaaaaceeeeiiiinoooooouuuuy'))
  $$;`;

/** Accented letters and their plain forms (lower case), for the search column's translate(). */
const ACCENTED = 'àáâãäåāăąçćčďèéêëēėęěìíîïīįľłñńňòóôõöøōőŕřśšşťùúûüūůűųýÿźżž';
const UNACCENTED = 'aaaaaaaaacccdeeeeeeeeiiiiiillnnnoooooooorrssstuuuuuuuuyyzzz';

/**
 * Versioned, append-only migrations, the PostgreSQL twin of sqlite/migrations.ts (one schema from
 * the start, not its history). Money in cents (bigint), timestamps timestamptz, JSON objects in
 * `json` (kept as written, so values and key order come back as stored), lists of words in jsonb.
 * Each table that SQLite orders by rowid has an identity `seq` for the same order.
 */
export const MIGRATIONS: readonly string[] = [
  `
  ${SEARCH_DOCUMENT_FUNCTION}
  CREATE TABLE listings (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id text NOT NULL UNIQUE,
    seller_id text NOT NULL,
    title text NOT NULL,
    description text NOT NULL,
    category text NOT NULL,
    price_cents bigint NOT NULL CHECK (price_cents > 0),
    condition text NOT NULL,
    status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'sold')),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    search tsvector GENERATED ALWAYS AS (listing_search_document(title, description)) STORED
  );
  CREATE INDEX listings_by_seller ON listings (seller_id, status);
  CREATE INDEX listings_by_category ON listings (category, status, price_cents);
  CREATE INDEX listings_by_created ON listings (created_at);
  CREATE INDEX listings_search ON listings USING gin (search);

  CREATE TABLE conversations (
    id text PRIMARY KEY,
    seller_id text NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
  );
  CREATE INDEX conversations_by_seller ON conversations (seller_id, created_at);
  CREATE TABLE conversation_items (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    conversation_id text NOT NULL REFERENCES conversations (id),
    item json NOT NULL,
    created_at timestamptz NOT NULL
  );
  CREATE INDEX conversation_items_by_conversation ON conversation_items (conversation_id, seq);

  CREATE TABLE runs (
    seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    id text PRIMARY KEY,
    conversation_id text NOT NULL REFERENCES conversations (id),
    seller_id text NOT NULL,
    trace_id text NOT NULL,
    status text NOT NULL CHECK (status IN ('running', 'completed', 'awaiting_approval', 'stopped')),
    stop_reason text,
    reply text,
    steps integer NOT NULL DEFAULT 0,
    input json NOT NULL,
    state text,
    app_version text NOT NULL,
    prompt_version text NOT NULL,
    model text NOT NULL,
    tags jsonb NOT NULL DEFAULT '[]',
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
  );
  CREATE INDEX runs_by_conversation ON runs (conversation_id, created_at);
  CREATE INDEX runs_by_status ON runs (status);
  CREATE INDEX runs_by_trace ON runs (trace_id);
  CREATE INDEX runs_by_seller ON runs (seller_id, created_at);
  CREATE INDEX runs_by_created ON runs (created_at);

  CREATE TABLE approvals (
    seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    id text PRIMARY KEY,
    run_id text NOT NULL REFERENCES runs (id),
    call_id text NOT NULL,
    seller_id text NOT NULL,
    tool text NOT NULL,
    arguments json NOT NULL,
    summary text NOT NULL,
    status text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected', 'expired', 'superseded')),
    message text,
    decided_by text,
    decided_at timestamptz,
    expires_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL,
    UNIQUE (run_id, call_id)
  );
  CREATE INDEX approvals_pending ON approvals (status, expires_at);

  CREATE TABLE call_refusals (
    seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    run_id text NOT NULL REFERENCES runs (id),
    call_id text NOT NULL,
    tool text NOT NULL,
    arguments json NOT NULL,
    rule text NOT NULL,
    reason text NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (run_id, call_id)
  );

  CREATE TABLE tool_executions (
    seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    run_id text NOT NULL,
    call_id text NOT NULL,
    seller_id text NOT NULL,
    tool text NOT NULL,
    arguments json NOT NULL,
    result json NOT NULL,
    approval_id text,
    executed_at timestamptz NOT NULL,
    PRIMARY KEY (run_id, call_id)
  );
  CREATE INDEX tool_executions_by_seller ON tool_executions (seller_id, executed_at);
  CREATE INDEX tool_executions_by_time ON tool_executions (executed_at);

  CREATE TABLE policy_decisions (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id text NOT NULL,
    call_id text NOT NULL,
    tool text NOT NULL,
    phase text NOT NULL CHECK (phase IN ('proposal', 'execution')),
    decision text NOT NULL CHECK (decision IN ('allow', 'needs_confirmation', 'deny')),
    rule text NOT NULL,
    reason text NOT NULL,
    arguments json NOT NULL,
    created_at timestamptz NOT NULL,
    UNIQUE (run_id, call_id, phase)
  );

  CREATE TABLE feedback (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id text NOT NULL REFERENCES runs (id),
    seller_id text NOT NULL,
    value integer NOT NULL CHECK (value IN (1, -1)),
    comment text,
    created_at timestamptz NOT NULL
  );
  CREATE INDEX feedback_by_run ON feedback (run_id);

  CREATE TABLE trace_spans (
    seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    span_id text PRIMARY KEY,
    trace_id text NOT NULL,
    parent_id text,
    kind text NOT NULL,
    name text,
    started_at timestamptz,
    ended_at timestamptz,
    data json NOT NULL,
    error json
  );
  CREATE INDEX trace_spans_by_trace ON trace_spans (trace_id, started_at);

  CREATE TABLE meta (key text PRIMARY KEY, value json NOT NULL);

  CREATE TABLE corrections (
    seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    id text PRIMARY KEY,
    run_id text NOT NULL REFERENCES runs (id),
    trace_id text NOT NULL,
    conversation_id text NOT NULL,
    seller_id text NOT NULL,
    approval_id text NOT NULL UNIQUE,
    kind text NOT NULL CHECK (kind IN ('rejected', 'edited')),
    via text NOT NULL CHECK (via IN ('rejection', 'new_message')),
    tool text NOT NULL,
    before json NOT NULL,
    after json,
    changed_fields jsonb NOT NULL DEFAULT '[]',
    message text,
    revised_approval_id text,
    revised_in_run_id text,
    created_at timestamptz NOT NULL,
    revised_at timestamptz
  );
  CREATE INDEX corrections_by_run ON corrections (run_id);
  CREATE INDEX corrections_by_revising_run ON corrections (revised_in_run_id);
  CREATE INDEX corrections_by_conversation ON corrections (conversation_id);

  CREATE TABLE review_items (
    seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    id text PRIMARY KEY,
    run_id text NOT NULL UNIQUE REFERENCES runs (id),
    trace_id text NOT NULL,
    reasons jsonb NOT NULL,
    status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'labelled')),
    label text CHECK (label IN ('good', 'bad')),
    note text,
    reviewer text,
    promoted_scenario text,
    created_at timestamptz NOT NULL,
    labelled_at timestamptz,
    promoted_at timestamptz
  );
  CREATE INDEX review_items_by_status ON review_items (status, created_at);
  CREATE INDEX review_items_by_created ON review_items (created_at);
  `,
  // 2: leases (who runs a run segment, who holds a conversation) and shared rate-limit counters.
  `
  CREATE TABLE leases (key text PRIMARY KEY, owner text NOT NULL, expires_at bigint NOT NULL);
  CREATE INDEX leases_by_owner ON leases (owner);
  CREATE TABLE rate_counters (
    key text NOT NULL, window_start bigint NOT NULL, count integer NOT NULL, PRIMARY KEY (key, window_start)
  );
  `,
  // 3: edit on approve: the model's proposal kept beside what the seller confirmed, and the
  // correction such an edit makes (via 'edit').
  `
  ALTER TABLE approvals ADD COLUMN proposed_arguments json;
  ALTER TABLE corrections DROP CONSTRAINT corrections_via_check;
  ALTER TABLE corrections ADD CONSTRAINT corrections_via_check CHECK (via IN ('rejection', 'new_message', 'edit'));
  `,
  // 4: support's full-text search over what the seller wrote and what the assistant replied. 'simple'
  // (no stemming, no stopwords) and accents folded by translate(), so a search word matches as a word
  // prefix exactly as on the SQLite engine (unicode61 remove_diacritics).
  `
  ALTER TABLE runs ADD COLUMN search tsvector GENERATED ALWAYS AS (
    to_tsvector('simple', translate(lower(coalesce(input->>'text', '') || ' ' || coalesce(reply, '')),
      '${ACCENTED}', '${UNACCENTED}'))
  ) STORED;
  CREATE INDEX runs_by_search ON runs USING gin (search);
  `,
  // 5: uploaded photos, stored once per seller (the id hashes seller and bytes) and referred to by id
  // everywhere else; a listing's photos in order. The covering indexes sum a quota without the bytes.
  `
  CREATE TABLE images (
    id text PRIMARY KEY,
    seller_id text NOT NULL,
    conversation_id text NOT NULL REFERENCES conversations (id),
    mime text NOT NULL,
    bytes integer NOT NULL,
    width integer NOT NULL,
    height integer NOT NULL,
    created_at timestamptz NOT NULL,
    data bytea NOT NULL
  );
  CREATE INDEX images_by_seller ON images (seller_id) INCLUDE (bytes);
  CREATE INDEX images_by_conversation ON images (conversation_id) INCLUDE (bytes);
  CREATE TABLE listing_photos (
    listing_id text NOT NULL REFERENCES listings (id),
    position integer NOT NULL,
    image_id text NOT NULL REFERENCES images (id),
    PRIMARY KEY (listing_id, position)
  );
  CREATE INDEX listing_photos_by_image ON listing_photos (image_id);
  `,
  // 6: the comparable-listings search takes active matches shortest first, one length at a time
  // (PgListingRepository.ranked): a GIN index over (length, category, words), btree_gin's (a trusted
  // extension, so the database owner may create it), answers "these words, this length, this
  // category" from the index alone; the btree gives the longest length to stop at.
  `
  CREATE EXTENSION IF NOT EXISTS btree_gin;
  CREATE INDEX IF NOT EXISTS listings_active_by_length ON listings (length(search), seq) WHERE status = 'active';
  CREATE INDEX IF NOT EXISTS listings_active_search_by_length ON listings
    USING gin (length(search), category, search) WHERE status = 'active';
  `,
  // 7: a lease's token, new at every acquisition (see the SQLite twin): what a segment's writes check.
  `ALTER TABLE leases ADD COLUMN token text NOT NULL DEFAULT ''`,
];

/** Any constant: the advisory lock every instance takes while it migrates. */
const MIGRATION_LOCK = 0x6c697374; // "list"

/**
 * Applies the migrations not applied yet, each in its own transaction with its row in
 * schema_migrations, under a session advisory lock: instances starting at the same moment apply
 * each migration exactly once (the others wait, then find it recorded). Returns the version.
 */
export async function migrate(pool: pg.Pool): Promise<number> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    // Waiting for another instance's migration, or building an index over a large catalogue, may take
    // longer than the pool's statement timeout; the client gets it back before it returns to the pool.
    await client.query('SET statement_timeout = 0');
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      const { rows } = await client.query<{ version: number | null }>(
        'SELECT max(version) AS version FROM schema_migrations',
      );
      for (let version = rows[0].version ?? 0; version < MIGRATIONS.length; version++) {
        await client.query('BEGIN');
        try {
          await client.query(MIGRATIONS[version]);
          await client.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version + 1]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
    await client.query('RESET statement_timeout');
    return MIGRATIONS.length;
  } catch (error) {
    broken = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    // A client that failed half-way (its timeout not reset) is dropped, not pooled.
    client.release(broken);
  }
}
