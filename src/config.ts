import { z } from 'zod';

/** Environment → typed configuration, validated once at start with clear messages. */
const int = (def: number, min = 1) => z.coerce.number().int().min(min).default(def);

const EnvSchema = z.object({
  PORT: int(3000, 0),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_PATH: z.string().default('data/listing-assistant.db'),
  /**
   * `postgres://user:password@host:port/db`: the PostgreSQL store, shared by every instance; unset, the SQLite file
   * at DATABASE_PATH.
   */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  /** PostgreSQL: a statement running or waiting on a lock longer than this is cancelled (a 503, not a hang). */
  DATABASE_STATEMENT_TIMEOUT_MS: int(10_000, 100),
  /** PostgreSQL: how long a request waits for a connection (a new one, or a free one of the pool). */
  DATABASE_CONNECT_TIMEOUT_MS: int(10_000, 100),
  SEED_COUNT: int(5000, 0),
  OPENAI_API_KEY: z.string().optional(),
  OPENAI_BASE_URL: z.string().url().optional(),
  OPENAI_API: z.enum(['responses', 'chat_completions']).default('responses'),
  AGENT_MODEL: z.string().optional(),
  AGENT_MAX_STEPS: int(10),
  AGENT_RUN_TIMEOUT_MS: int(60_000),
  AGENT_TOOL_TIMEOUT_MS: int(10_000),
  AGENT_MODEL_RETRIES: int(2, 0),
  AGENT_MODEL_TIMEOUT_MS: int(30_000),
  APPROVAL_TTL_MS: int(30 * 60_000),
  /** The model gets the seller's last N turns in full; older ones are left out (one short note says so). */
  HISTORY_TURNS: int(20),
  /** Photos reach the model as images for the seller's last N messages; older ones by id only. */
  HISTORY_PHOTO_TURNS: int(2, 0),
  /** Stored photo bytes per conversation (past it, 413) and per seller across conversations (past it, 429). */
  PHOTO_BYTES_PER_CONVERSATION: int(40 * 1024 * 1024),
  PHOTO_BYTES_PER_SELLER: int(200 * 1024 * 1024),
  /** Seller messages one conversation may hold; past it, 413 and a new conversation. */
  CONVERSATION_MAX_MESSAGES: int(200),
  /**
   * A running segment's lease: renewed every third of it; a dead instance's runs are settled by another within about
   * it.
   */
  RUN_LEASE_MS: int(30_000, 100),
  /**
   * How long a message waits for its conversation's turn (another segment running) before 409 `conversation_busy`;
   * unset: AGENT_RUN_TIMEOUT_MS.
   */
  CONVERSATION_WAIT_MS: z.coerce.number().int().min(0).optional(),
  /** Forces one prompt version for every seller; unset, `PROMPT_ROLLOUT_PATH` splits sellers. */
  PROMPT_VERSION: z.string().optional(),
  PROMPT_ROLLOUT_PATH: z.string().optional(),
  POLICY_PATH: z.string().optional(),
  AUTH_TOKENS: z.string().optional(),
  /** JWT sign-in: public keys from a JWKS URL, or an HS256 secret; issuer and audience are required with either. */
  AUTH_JWKS_URL: z.string().url().optional(),
  AUTH_JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  AUTH_JWT_ISSUER: z.string().optional(),
  AUTH_JWT_AUDIENCE: z.string().optional(),
  AUTH_JWT_USER_CLAIM: z.string().default('sub'),
  AUTH_JWT_ROLE_CLAIM: z.string().default('role'),
  AUTH_JWT_CLOCK_SKEW_S: int(30, 0),
  NODE_ENV: z.string().optional(),
  MAX_BODY_BYTES: int(8 * 1024 * 1024),
  RATE_LIMIT_PER_MINUTE: int(600),
  RATE_LIMIT_RUNS_PER_MINUTE: int(60),
  /** Support's trace replays: how many run at once on the replay thread, and how many per support user per minute. */
  REPLAY_CONCURRENCY: int(2),
  REPLAY_PER_MINUTE: int(10),
  /** Failed sign-ins (401s) per client address per minute, shared by all instances; past it, 429. */
  SIGN_IN_FAILURES_PER_MINUTE: int(20),
  /** Share of completed runs sampled into the review queue (0–1), by a hash of the run id. */
  REVIEW_SAMPLE_RATE: z.coerce.number().min(0).max(1).default(0.05),
  /** Where promoted review items are written as eval scenarios; unset: `data/promoted-scenarios/` of this checkout. */
  PROMOTED_SCENARIOS_DIR: z.string().optional(),
  /** Dashboard alerts: failure rate (0–1) and estimated USD per run above which a prompt version is flagged. */
  ALERT_FAILURE_RATE: z.coerce.number().min(0).max(1).default(0.2),
  ALERT_COST_PER_RUN_USD: z.coerce.number().min(0).default(0.05),
  ALERT_MIN_RUNS: int(5),
  LANGFUSE_PUBLIC_KEY: z.string().optional(),
  LANGFUSE_SECRET_KEY: z.string().optional(),
  LANGFUSE_BASE_URL: z.string().url().optional(),
  /** The deployment's name on every trace and score in Langfuse (its environment filter). */
  LANGFUSE_ENVIRONMENT: z
    .string()
    .regex(
      /^(?!langfuse)[a-z0-9_-]{1,40}$/,
      'lowercase letters, digits, - and _ (at most 40), not starting with langfuse',
    )
    .default('development'),
  /** Settled runs waiting for export; past it the oldest is dropped and counted (a slow or absent Langfuse). */
  LANGFUSE_EXPORT_QUEUE: int(1000),
  /**
   * Instructions from Langfuse prompt management: the label whose version new runs use (with the keys
   * above); unset: the local files only. `PROMPT_VERSION` still pins a local version.
   */
  LANGFUSE_PROMPT_LABEL: z.string().min(1).max(200).optional(),
  LANGFUSE_PROMPT_NAME: z.string().min(1).max(200).default('listing-assistant'),
  /** How long a fetched prompt is used before it is fetched again, in the background. */
  LANGFUSE_PROMPT_CACHE_TTL_SECONDS: int(60),
  /** How long one prompt fetch may take; past it the last version fetched (or the files) is used. */
  LANGFUSE_PROMPT_TIMEOUT_MS: int(2000),
  /** Unset: `info`, or `silent` under NODE_ENV=test so test output stays readable. */
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).optional(),
  /** A bearer token that may scrape /metrics (besides support tokens) when real tokens are configured. */
  METRICS_TOKEN: z.string().min(16).optional(),
});

export type Config = z.infer<typeof EnvSchema>;

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty AUTH_TOKENS is a mistake, not a wish for demo mode: refuse it rather than open up.
  if (env.AUTH_TOKENS !== undefined && env.AUTH_TOKENS.trim() === '')
    throw new Error(
      'Invalid configuration:\nAUTH_TOKENS is set but empty; unset it for demo mode, or give token:userId:role entries.',
    );
  // Other empty strings mean "unset" (a common shell and .env habit).
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) throw new Error(`Invalid configuration:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export const APP_VERSION = '0.1.0';
