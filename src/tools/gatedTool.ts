import { tool, type FunctionTool } from '@openai/agents';
import type { z } from 'zod';
import type { PolicyGate } from '../policy/index.js';
import type { Store } from '../store/index.js';
import type { AssistantContext } from './toolContext.js';
import { isConfirmed } from '../approvals/index.js';
import { describeIssues } from './validationIssues.js';
import { toStrictJsonSchema } from './jsonSchema.js';
import type { ToolResult } from './toolResult.js';
import type { ToolSpec } from './toolSpec.js';

export interface ToolDeps {
  store: Store;
  policy: PolicyGate;
  toolTimeoutMs: number;
}

/** Parses model arguments against a schema: the one place arguments become trusted shapes. */
export function parseArguments<S extends z.ZodObject>(
  schema: S,
  input: unknown,
): { ok: true; args: z.infer<S> } | { ok: false; issues: string[] } {
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, args: parsed.data } : { ok: false, issues: describeIssues(parsed.error) };
}

const asJson = (result: ToolResult): string => JSON.stringify(result);

/**
 * The SDK tool for a spec, behind the policy gate. The SDK calls `needsApproval` with the
 * raw arguments (even invalid ones) and again on resume, so it only reads:
 * invalid or refused calls never become approvals. `execute` re-decides the
 * call and records the decision; a write runs only if an approval by the
 * conversation's seller exists for this exact call and these exact
 * arguments, and at most once per call id.
 */
export function gatedTool<S extends z.ZodObject>(deps: ToolDeps, def: ToolSpec<S>): FunctionTool<AssistantContext> {
  const { store, policy } = deps;

  const verdictFor = (args: Record<string, unknown>, ctx: AssistantContext) =>
    policy.evaluate({ tool: def.name, args, sellerId: ctx.sellerId });

  return tool<ReturnType<typeof toStrictJsonSchema>, AssistantContext>({
    name: def.name,
    description: def.description,
    // Plain JSON schema: the SDK only parses the JSON; validation (and its words) is ours.
    parameters: toStrictJsonSchema(def.parameters),
    strict: true,
    timeoutMs: deps.toolTimeoutMs,
    timeoutBehavior: 'error_as_result',
    timeoutErrorFunction: () =>
      asJson({
        ok: false,
        error: 'failed',
        message: `${def.name} took too long and was stopped. Try again or tell the seller.`,
      }),
    needsApproval: async (runContext, input) => {
      const parsed = parseArguments(def.parameters, input);
      if (!parsed.ok) return false;
      return verdictFor(parsed.args, runContext.context as AssistantContext).decision === 'needs_confirmation';
    },
    // Reached only for failures that are ours (argument problems are answered by execute).
    errorFunction: () =>
      asJson({
        ok: false,
        error: 'failed',
        message: `${def.name} failed unexpectedly; tell the seller to try again later.`,
      }),
    execute: async (input, runContext, details) => {
      const ctx = runContext?.context;
      const callId = details?.toolCall?.callId;
      if (!ctx?.runId || !callId)
        return asJson({ ok: false, error: 'failed', message: 'The tool was called outside a run.' });
      const parsed = parseArguments(def.parameters, input);
      if (!parsed.ok) {
        store.decisions.record({
          runId: ctx.runId,
          callId,
          tool: def.name,
          phase: 'execution',
          decision: 'deny',
          rule: 'valid-arguments',
          reason: parsed.issues.join('; '),
          arguments: input,
        });
        return asJson({
          ok: false,
          error: 'invalid_arguments',
          issues: parsed.issues,
          message: `Fix these arguments and call ${def.name} again: ${parsed.issues.join('; ')}`,
        });
      }
      const args = parsed.args as Record<string, unknown>;
      const verdict = verdictFor(args, ctx);
      const record = (decision: typeof verdict) =>
        store.decisions.record({
          runId: ctx.runId,
          callId,
          tool: def.name,
          phase: 'execution',
          ...decision,
          arguments: args,
        });

      if (verdict.decision === 'deny') {
        record(verdict);
        return asJson({ ok: false, error: 'policy_denied', rule: verdict.rule, message: verdict.reason });
      }
      if (def.effect === 'read') {
        record(verdict);
        return asJson(await def.run(parsed.args, { store, context: ctx, signal: details?.signal }));
      }

      let approvalId: string | null = null;
      if (verdict.decision === 'needs_confirmation') {
        const confirmed = isConfirmed(store, {
          runId: ctx.runId,
          callId,
          sellerId: ctx.sellerId,
          tool: def.name,
          args,
        });
        if (!confirmed) {
          record({
            decision: 'deny',
            rule: 'seller-confirmed',
            reason: 'No approval from the seller for this exact action.',
          });
          return asJson({
            ok: false,
            error: 'not_confirmed',
            message: 'The seller has not confirmed this exact action, so nothing was changed.',
          });
        }
        approvalId = confirmed.approvalId;
        record({
          decision: 'allow',
          rule: 'seller-confirmed',
          reason: `Confirmed by ${confirmed.by} at ${confirmed.at}.`,
        });
      } else {
        record(verdict);
      }

      // The ledger row and the write commit together; `run` for writes is synchronous SQLite work.
      const { result } = store.executions.once(
        { runId: ctx.runId, callId, sellerId: ctx.sellerId, tool: def.name, arguments: args, approvalId },
        () => {
          const out: ToolResult | Promise<ToolResult> = def.run(parsed.args, { store, context: ctx });
          if (out instanceof Promise) throw new Error('write tools must be synchronous');
          return out;
        },
      );
      return asJson(result);
    },
  }) as unknown as FunctionTool<AssistantContext>;
}
