import type { z } from 'zod';
import type { PolicyFacts } from '../policy/index.js';
import type { Store } from '../store/index.js';
import type { AssistantContext } from './toolContext.js';
import type { ToolResult } from './toolResult.js';

/** What a tool's work gets besides its arguments. */
export interface ToolEnvironment {
  store: Store;
  context: AssistantContext;
  signal?: AbortSignal;
}

/**
 * One tool, whole: what the model sees (name, description, parameters), what the policy
 * judges (effect, facts), what the seller reads (progress, and for writes the summary they
 * confirm) and the work. Everything else about tools is derived from the specs in registry.ts.
 */
interface ToolSpecBase<S extends z.ZodObject, N extends string> {
  readonly name: N;
  readonly description: string;
  /** What the model may send, validated by us so that the issues reach it in words. */
  readonly parameters: S;
  /** Shown to the seller while the tool runs. */
  readonly progress: string;
  /** What the policy needs beyond the arguments (the listing a call changes, the category it lists in…). */
  facts?(args: z.infer<S>, store: Store): PolicyFacts | Promise<PolicyFacts>;
}

export type ReadToolSpec<S extends z.ZodObject = z.ZodObject, N extends string = string> = ToolSpecBase<S, N> & {
  readonly effect: 'read';
  run(args: z.infer<S>, env: ToolEnvironment): ToolResult | Promise<ToolResult>;
};

export type WriteToolSpec<S extends z.ZodObject = z.ZodObject, N extends string = string> = ToolSpecBase<S, N> & {
  readonly effect: 'write';
  /** The plain-language line the seller confirms, built from the exact arguments, never from model text. */
  summarize(args: z.infer<S>, store: Store): string | Promise<string>;
  /**
   * Runs in the at-most-once ledger's transaction: `env.store` is that transaction, and every
   * write is awaited before `run` returns, so the write and its ledger row commit together.
   */
  run(args: z.infer<S>, env: ToolEnvironment): Promise<ToolResult>;
};

export type ToolSpec<S extends z.ZodObject = z.ZodObject, N extends string = string> =
  ReadToolSpec<S, N> | WriteToolSpec<S, N>;

/** Keeps a spec's literal name and infers its argument types from its parameters. */
export function defineTool<const N extends string, S extends z.ZodObject>(spec: ReadToolSpec<S, N>): ReadToolSpec<S, N>;
export function defineTool<const N extends string, S extends z.ZodObject>(
  spec: WriteToolSpec<S, N>,
): WriteToolSpec<S, N>;
export function defineTool(spec: ToolSpec): ToolSpec {
  return spec;
}
