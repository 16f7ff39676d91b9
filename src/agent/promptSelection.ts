import { loadInstructions, type Instructions } from './instructions.js';
import { DEFAULT_ROLLOUT_PATH, loadPromptRollout, versionFor, type PromptRollout } from './promptRollout.js';
import {
  LangfusePrompts,
  managedVersionId,
  managedVersionOf,
  type LangfusePromptConfig,
} from '../tracing/langfusePrompts.js';

/** Which instructions a run uses. */
export interface PromptSelector {
  /** For a seller's new run: never waits (a Langfuse prompt comes from the cache). */
  forSeller(sellerId: string): Instructions;
  /** A given version: a paused run resumes with the version it started with, whatever the split says now. */
  version(version: string): Promise<Instructions>;
  /** Resolves once a Langfuse prompt was fetched or could not be (bounded by its timeout); no-op for the files. */
  warm(): Promise<void>;
  /** One line for the startup banner and logs. */
  readonly description: string;
}

/** The settings prompts are chosen by (from `Config`). */
export interface PromptOptions {
  PROMPT_VERSION?: string;
  PROMPT_ROLLOUT_PATH?: string;
  LANGFUSE_PUBLIC_KEY?: string;
  LANGFUSE_SECRET_KEY?: string;
  LANGFUSE_BASE_URL?: string;
  LANGFUSE_PROMPT_LABEL?: string;
  LANGFUSE_PROMPT_NAME?: string;
  LANGFUSE_PROMPT_CACHE_TTL_SECONDS?: number;
  LANGFUSE_PROMPT_TIMEOUT_MS?: number;
}

/** The prompt's name in Langfuse unless `LANGFUSE_PROMPT_NAME` says otherwise; local `vN` link to its version N. */
export const DEFAULT_PROMPT_NAME = 'listing-assistant';

/**
 * `PROMPT_VERSION`, when set, forces one local version for everyone (replays,
 * evals, an emergency rollback; Langfuse is not asked then). Otherwise, with
 * `LANGFUSE_PROMPT_LABEL` and the Langfuse keys set, new runs use the label's
 * version from Langfuse prompt management, and the local choice (the rollout
 * file's split) while none could be fetched. Every local version the split
 * names is loaded now, so a typo fails at start.
 */
export function selectPrompts(options: PromptOptions, log?: LangfusePromptConfig['log']): PromptSelector {
  if (options.PROMPT_VERSION) return fixedPrompt(options.PROMPT_VERSION);
  const local = rolloutPrompts(loadPromptRollout(options.PROMPT_ROLLOUT_PATH ?? DEFAULT_ROLLOUT_PATH));
  const { LANGFUSE_PUBLIC_KEY: publicKey, LANGFUSE_SECRET_KEY: secretKey, LANGFUSE_BASE_URL: baseUrl } = options;
  if (!options.LANGFUSE_PROMPT_LABEL || !publicKey || !secretKey || !baseUrl) return local;
  const langfuse = new LangfusePrompts({
    publicKey,
    secretKey,
    baseUrl,
    name: options.LANGFUSE_PROMPT_NAME ?? DEFAULT_PROMPT_NAME,
    label: options.LANGFUSE_PROMPT_LABEL,
    ttlMs: (options.LANGFUSE_PROMPT_CACHE_TTL_SECONDS ?? 60) * 1000,
    timeoutMs: options.LANGFUSE_PROMPT_TIMEOUT_MS ?? 2000,
    log,
  });
  return managedPrompts(local, langfuse, log);
}

/** Langfuse's version when there is one, the local choice otherwise. */
export function managedPrompts(
  local: PromptSelector,
  langfuse: LangfusePrompts,
  log?: LangfusePromptConfig['log'],
): PromptSelector {
  return {
    forSeller: (sellerId) => {
      const prompt = langfuse.current();
      return prompt ? { version: managedVersionId(prompt), text: prompt.text } : local.forSeller(sellerId);
    },
    version: async (version) => {
      const managed = managedVersionOf(version);
      const prompt = managed && (await langfuse.version(managed.name, managed.version));
      if (prompt) return { version, text: prompt.text };
      if (managed) log?.('a run resumes with the local instructions: its Langfuse prompt is unavailable', { version });
      return local.version(version);
    },
    warm: () => langfuse.refresh(),
    description: `Langfuse prompt ${langfuse.description}, else ${local.description}`,
  };
}

export function fixedPrompt(version: string): PromptSelector {
  const instructions = standInOr(version, () => loadPromptRollout().default);
  const cache = new Cache(() => instructions.text, instructions);
  return {
    forSeller: () => instructions,
    version: (v) => Promise.resolve(cache.get(v)),
    warm: () => Promise.resolve(),
    description: `${version} (PROMPT_VERSION)`,
  };
}

export function rolloutPrompts(rollout: PromptRollout): PromptSelector {
  const loaded = [rollout.default, ...rollout.split.map((s) => s.version)].map(loadInstructions);
  const cache = new Cache(() => loaded[0].text, ...loaded);
  return {
    forSeller: (sellerId) => cache.get(versionFor(rollout, sellerId)),
    version: (v) => Promise.resolve(cache.get(v)),
    warm: () => Promise.resolve(),
    description: rollout.split.map((s) => `${s.version} ${s.percent}%`).join(' / '),
  };
}

/**
 * A local version's file; a version fetched from Langfuse (`name@N`) has none, and the files' default
 * stands in for it where Langfuse is not asked (a replay, whose model answers as recorded anyway).
 */
function standInOr(version: string, fallback: () => string): Instructions {
  return managedVersionOf(version) ? { version, text: loadInstructions(fallback()).text } : loadInstructions(version);
}

/** Instructions files are read once per version. */
class Cache {
  private readonly byVersion = new Map<string, Instructions>();

  constructor(
    private readonly standInText: () => string,
    ...preloaded: Instructions[]
  ) {
    for (const i of preloaded) this.byVersion.set(i.version, i);
  }

  get(version: string): Instructions {
    let found = this.byVersion.get(version);
    if (!found) {
      found = managedVersionOf(version) ? { version, text: this.standInText() } : loadInstructions(version);
      // Only the files' versions are kept: `name@N` ids are as many as Langfuse has versions.
      if (!managedVersionOf(version)) this.byVersion.set(version, found);
    }
    return found;
  }
}
