import { loadInstructions, type Instructions } from './instructions.js';
import { DEFAULT_ROLLOUT_PATH, loadPromptRollout, versionFor, type PromptRollout } from './promptRollout.js';

/** Which instructions a run uses. */
export interface PromptSelector {
  /** For a seller's new run. */
  forSeller(sellerId: string): Instructions;
  /** A given version: a paused run resumes with the version it started with, whatever the split says now. */
  version(version: string): Instructions;
  /** One line for the startup banner and logs. */
  readonly description: string;
}

/**
 * `PROMPT_VERSION`, when set, forces one version for everyone (replays,
 * evals, an emergency rollback); otherwise the rollout file splits sellers.
 * Every version the split names is loaded now, so a typo fails at start.
 */
export function selectPrompts(options: { PROMPT_VERSION?: string; PROMPT_ROLLOUT_PATH?: string }): PromptSelector {
  if (options.PROMPT_VERSION) return fixedPrompt(options.PROMPT_VERSION);
  return rolloutPrompts(loadPromptRollout(options.PROMPT_ROLLOUT_PATH ?? DEFAULT_ROLLOUT_PATH));
}

export function fixedPrompt(version: string): PromptSelector {
  const instructions = loadInstructions(version);
  const cache = new Cache(instructions);
  return { forSeller: () => instructions, version: (v) => cache.get(v), description: `${version} (PROMPT_VERSION)` };
}

export function rolloutPrompts(rollout: PromptRollout): PromptSelector {
  const cache = new Cache(...[rollout.default, ...rollout.split.map((s) => s.version)].map(loadInstructions));
  return {
    forSeller: (sellerId) => cache.get(versionFor(rollout, sellerId)),
    version: (v) => cache.get(v),
    description: rollout.split.map((s) => `${s.version} ${s.percent}%`).join(' / '),
  };
}

/** Instructions files are read once per version. */
class Cache {
  private readonly byVersion = new Map<string, Instructions>();

  constructor(...preloaded: Instructions[]) {
    for (const i of preloaded) this.byVersion.set(i.version, i);
  }

  get(version: string): Instructions {
    let found = this.byVersion.get(version);
    if (!found) this.byVersion.set(version, (found = loadInstructions(version)));
    return found;
  }
}
