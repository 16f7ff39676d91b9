import { LangfuseClient } from '@langfuse/client';
import { z } from 'zod';

/** Where instructions come from in Langfuse prompt management (`LANGFUSE_PROMPT_*`, see docs/langfuse.md). */
export interface LangfusePromptConfig {
  publicKey: string;
  secretKey: string;
  baseUrl: string;
  /** The prompt's name in Langfuse. */
  name: string;
  /** The label whose version new runs use (`production`, `staging`, an experiment's). */
  label: string;
  /** How long a fetched version is used before it is fetched again (in the background). */
  ttlMs: number;
  /** How long one fetch may take before the local files are used instead. */
  timeoutMs: number;
  log?: (msg: string, fields: Record<string, unknown>) => void;
  now?: () => number;
}

/** One version of the instructions as Langfuse holds it. */
export interface ManagedPrompt {
  name: string;
  version: number;
  text: string;
}

/** How a run records a managed prompt's version, `name@N`: no local version has an `@`. */
export const managedVersionId = (p: Pick<ManagedPrompt, 'name' | 'version'>) => `${p.name}@${p.version}`;

/** The prompt a recorded `name@N` version was fetched as; undefined for a local version. */
export function managedVersionOf(promptVersion: string): { name: string; version: number } | undefined {
  const managed = /^(.+)@(\d+)$/.exec(promptVersion);
  return managed ? { name: managed[1], version: Number(managed[2]) } : undefined;
}

/**
 * The Langfuse prompt a run's recorded prompt version stands for: `name@N` (fetched from Langfuse), or a
 * local `vN` as version N of `localName` (the convention that Langfuse's first versions are the files).
 */
export function promptLink(promptVersion: string, localName: string): { name: string; version: number } | undefined {
  const local = /^v(\d+)$/.exec(promptVersion);
  return managedVersionOf(promptVersion) ?? (local ? { name: localName, version: Number(local[1]) } : undefined);
}

/** Instructions longer than this are refused (a mistake, not a prompt): the files are used instead. */
const MAX_TEXT = 100_000;
/** Versions kept for runs that resume (a paused run keeps the version it started with). */
const KEPT_VERSIONS = 20;

/** What GET /api/public/v2/prompts/{name} answers, as far as it is used; anything else is refused. */
const PromptResponse = z.object({
  name: z.string().min(1),
  version: z.number().int().positive(),
  type: z.string(),
  prompt: z.unknown(),
});

export class PromptUnusableError extends Error {}

/**
 * Instructions from Langfuse prompt management, cached: the label's version is
 * fetched at start and again in the background once it is older than the TTL,
 * so no run ever waits for Langfuse. While a fetch fails (Langfuse down, slow
 * past the timeout, the prompt missing or not a text prompt), the last version
 * fetched stays in use; with none yet, `current()` has nothing and the caller
 * uses the local files. Versions are immutable in Langfuse, so each one fetched
 * is kept (the last KEPT_VERSIONS) for runs that resume with it.
 */
export class LangfusePrompts {
  private readonly client: LangfuseClient;
  private latest: ManagedPrompt | undefined;
  /** When the label was last asked for (successfully or not): the next try waits a TTL. */
  private askedAt = -Infinity;
  private refreshing: Promise<void> | undefined;
  private readonly versions = new Map<number, ManagedPrompt>();
  private readonly now: () => number;

  constructor(private readonly config: LangfusePromptConfig) {
    this.client = new LangfuseClient({
      publicKey: config.publicKey,
      secretKey: config.secretKey,
      baseUrl: config.baseUrl,
    });
    this.now = config.now ?? Date.now;
  }

  /** For the startup banner: which prompt and label. */
  get description(): string {
    return `"${this.config.name}" label "${this.config.label}"`;
  }

  /** The label's version as last fetched, or undefined; starts a background refresh once it is stale. */
  current(): ManagedPrompt | undefined {
    if (this.now() - this.askedAt >= this.config.ttlMs) void this.refresh();
    return this.latest;
  }

  /** Fetches the label's version now (one fetch at a time); never rejects. */
  refresh(): Promise<void> {
    this.askedAt = this.now();
    return (this.refreshing ??= this.fetch({ label: this.config.label })
      .then((prompt) => {
        if (prompt) this.latest = prompt;
      })
      .finally(() => (this.refreshing = undefined)));
  }

  /** A given version (a resuming run's): kept, or fetched; undefined when Langfuse cannot give it. */
  async version(name: string, version: number): Promise<ManagedPrompt | undefined> {
    if (name !== this.config.name) return undefined;
    return this.versions.get(version) ?? (await this.fetch({ version }));
  }

  private async fetch(which: { label: string } | { version: number }): Promise<ManagedPrompt | undefined> {
    try {
      // No retries here: a failed fetch is tried again a TTL later, and meanwhile nothing waits for it.
      const response = await this.client.api.prompts.get(this.config.name, which, {
        timeoutInSeconds: this.config.timeoutMs / 1000,
        maxRetries: 0,
      });
      const prompt = usable(response);
      this.keep(prompt);
      return prompt;
    } catch (error) {
      this.log('langfuse prompt unavailable: the local instructions are used', {
        prompt: this.config.name,
        ...which,
        error: error instanceof Error ? error.message : String(error),
      });
      return undefined;
    }
  }

  private keep(prompt: ManagedPrompt): void {
    this.versions.delete(prompt.version);
    this.versions.set(prompt.version, prompt);
    while (this.versions.size > KEPT_VERSIONS) this.versions.delete(this.versions.keys().next().value!);
  }

  private log(msg: string, fields: Record<string, unknown>): void {
    this.config.log?.(msg, fields);
  }
}

function usable(response: unknown): ManagedPrompt {
  const parsed = PromptResponse.safeParse(response);
  if (!parsed.success) throw new PromptUnusableError(`unexpected answer: ${z.prettifyError(parsed.error)}`);
  const { name, version, type, prompt } = parsed.data;
  // The assistant's instructions are one text; a chat prompt (a list of messages) does not fit them.
  if (type !== 'text' || typeof prompt !== 'string') throw new PromptUnusableError(`not a text prompt (${type})`);
  if (!prompt.trim()) throw new PromptUnusableError('empty prompt');
  if (prompt.length > MAX_TEXT) throw new PromptUnusableError(`prompt longer than ${MAX_TEXT} characters`);
  return { name, version, text: prompt };
}
