import { tool, type FunctionTool, type RunContext } from '@openai/agents';
import type { z } from 'zod';
import type { PolicyGate, PolicyVerdict } from '../policy/index.js';
import { RunWrites, type Store } from '../store/index.js';
import type { AssistantContext } from './toolContext.js';
import { isConfirmed } from '../approvals/index.js';
import type { CallVetting } from './callVetting.js';
import { toStrictJsonSchema } from './jsonSchema.js';
import { recordedArguments } from './recordedArguments.js';
import type { ToolResult } from './toolResult.js';
import type { ToolSpec } from './toolSpec.js';
import { withinTime } from './toolTimeout.js';
import { writeWithinTime, type WriteProgress } from './writeTimeLimit.js';

export interface ToolDeps {
  store: Store;
  policy: PolicyGate;
  /** Shared with the approval desk, so a call is parsed and judged once. */
  vetting: CallVetting;
  toolTimeoutMs: number;
  /**
   * How much longer a write already past its point of no return is waited on before its outcome is
   * answered as unknown (default: one more `toolTimeoutMs`; see docs/decisions.md).
   */
  writeGraceMs?: number;
  /**
   * The runs' held writes: a decision that is not part of a write commits with the run's next
   * transaction, and a write's transaction carries what the run held until then.
   */
  runWrites?: RunWrites;
}

const asJson = (result: ToolResult): string => JSON.stringify(result);

/**
 * The SDK tool for a spec, behind the policy gate. Every question about a call (the SDK's
 * `needsApproval`, asked at the pause and again at the resume; `execute`) reads the one vetting
 * of that call, so invalid or refused calls never become approvals. A write runs only if the
 * state it was judged on still holds, an approval by the conversation's seller exists for this
 * exact call and these exact arguments, and at most once per call id.
 */
export function gatedTool<S extends z.ZodObject>(deps: ToolDeps, def: ToolSpec<S>): FunctionTool<AssistantContext> {
  const { store, policy, vetting } = deps;
  const runWrites = deps.runWrites ?? new RunWrites();
  const writeGraceMs = deps.writeGraceMs ?? deps.toolTimeoutMs;

  return tool<ReturnType<typeof toStrictJsonSchema>, AssistantContext>({
    name: def.name,
    description: def.description,
    // Plain JSON schema: the SDK only parses the JSON; validation (and its words) is ours.
    parameters: toStrictJsonSchema(def.parameters),
    strict: true,
    needsApproval: async (runContext, input, callId) => {
      const ctx = runContext.context as AssistantContext;
      const call = { runId: ctx.runId, callId: callId ?? '', sellerId: ctx.sellerId, tool: def.name, input };
      return (await vetting.vet(call)).verdict.decision === 'needs_confirmation';
    },
    // Reached only for failures that are ours (argument problems are answered by execute).
    errorFunction: () =>
      asJson({
        ok: false,
        error: 'failed',
        message: `${def.name} failed unexpectedly; tell the seller to try again later.`,
      }),
    // Our own time limit (toolTimeout.ts), not the SDK's: the same answer to the model, less work per call.
    // A write's late answer must not invite a retry while it may still commit (writeTimeLimit.ts).
    execute: (input, runContext, details) =>
      def.effect === 'write'
        ? writeWithinTime(
            deps.toolTimeoutMs,
            writeGraceMs,
            (progress) => execute(input, runContext, details, progress),
            { stopped: () => asJson(stopped()), unknown: () => asJson(outcomeUnknown()) },
          )
        : withinTime(deps.toolTimeoutMs, execute(input, runContext, details), () => asJson(stopped())),
  }) as unknown as FunctionTool<AssistantContext>;

  function stopped(): ToolResult {
    const nothing = def.effect === 'write' ? ' before it changed anything' : '';
    return {
      ok: false,
      error: 'failed',
      message: `${def.name} took too long and was stopped${nothing}. Try again or tell the seller.`,
    };
  }

  function outcomeUnknown(): ToolResult {
    return {
      ok: false,
      error: 'outcome_unknown',
      message:
        `${def.name} took too long to answer, so whether it went through is not known yet: it may still ` +
        `complete (at most once). Do not call ${def.name} again; tell the seller to check their listings ` +
        'before trying again.',
    };
  }

  async function execute(
    input: unknown,
    runContext: RunContext<AssistantContext> | undefined,
    details: { toolCall?: { callId?: string }; signal?: AbortSignal } | undefined,
    progress?: WriteProgress,
  ): Promise<string> {
    const ctx = runContext?.context;
    const callId = details?.toolCall?.callId;
    if (!ctx?.runId || !callId)
      return asJson({ ok: false, error: 'failed', message: 'The tool was called outside a run.' });
    const vetted = await vetting.vet({ runId: ctx.runId, callId, sellerId: ctx.sellerId, tool: def.name, input });
    if (!vetted.args) {
      const issues = vetted.issues ?? [vetted.verdict.reason];
      const denial = {
        runId: ctx.runId,
        callId,
        tool: def.name,
        phase: 'execution' as const,
        decision: 'deny' as const,
        rule: 'valid-arguments',
        reason: issues.join('; '),
        arguments: recordedArguments(input),
      };
      await runWrites.hold(store, ctx.runId, { write: (tx) => tx.decisions.record(denial) });
      return asJson({
        ok: false,
        error: 'invalid_arguments',
        issues,
        message: `Fix these arguments and call ${def.name} again: ${issues.join('; ')}`,
      });
    }
    const args = vetted.args;
    const typed = args as z.infer<S>;
    const record = (on: Store, decision: PolicyVerdict) =>
      on.decisions.record({
        runId: ctx.runId,
        callId,
        tool: def.name,
        phase: 'execution',
        ...decision,
        arguments: args,
      });
    const denied = (verdict: PolicyVerdict): ToolResult => ({
      ok: false,
      error: 'policy_denied',
      rule: verdict.rule,
      message: verdict.reason,
    });

    // Nothing was written: the decision commits with the run's next transaction.
    const held = (verdict: PolicyVerdict) => runWrites.hold(store, ctx.runId, { write: (tx) => record(tx, verdict) });
    if (vetted.verdict.decision === 'deny') {
      await held(vetted.verdict);
      return asJson(denied(vetted.verdict));
    }
    if (def.effect === 'read') {
      await held(vetted.verdict);
      return asJson(await def.run(typed, { store, context: ctx, signal: details?.signal }));
    }

    // The re-check, the confirmation check, the decision, the ledger row and the write run in one
    // transaction: nothing can sell the listing or count a write in between, and all commit together
    // (with what the run held until now: its session items and earlier decisions).
    const result = await runWrites.transaction(store, ctx.runId, async (tx): Promise<ToolResult> => {
      // One write of this seller at a time, across instances: the re-check sees every earlier write.
      await tx.executions.serialiseWrites(ctx.sellerId);
      const verdict = (await policy.recheck({ tool: def.name, args, sellerId: ctx.sellerId })) ?? vetted.verdict;
      if (verdict.decision === 'deny') {
        await record(tx, verdict);
        return denied(verdict);
      }
      let approvalId: string | null = null;
      let sellerEdit: string | undefined;
      let allowed = verdict;
      if (verdict.decision === 'needs_confirmation') {
        const confirmed = await isConfirmed(tx, {
          runId: ctx.runId,
          callId,
          sellerId: ctx.sellerId,
          tool: def.name,
          args,
        });
        if (!confirmed) {
          await record(tx, {
            decision: 'deny',
            rule: 'seller-confirmed',
            reason: 'No approval from the seller for this exact action.',
          });
          return {
            ok: false,
            error: 'not_confirmed',
            message: 'The seller has not confirmed this exact action, so nothing was changed.',
          };
        }
        approvalId = confirmed.approvalId;
        sellerEdit = confirmed.sellerEdit;
        allowed = {
          decision: 'allow',
          rule: 'seller-confirmed',
          reason: `Confirmed by ${confirmed.by} at ${confirmed.at}.`,
        };
      }
      // The point of no return: a write its time limit already answered as stopped must not write.
      // No decision is recorded for it either: the model was told, and the call never ran.
      if (progress && !progress.proceed()) return stopped();
      await record(tx, allowed);
      const ledgered = await tx.executions.once(
        { runId: ctx.runId, callId, sellerId: ctx.sellerId, tool: def.name, arguments: args, approvalId },
        () => def.run(typed, { store: tx, context: ctx }),
      );
      // The model learns what the seller changed, so its reply (and later turns) follow the seller's version.
      return sellerEdit ? ({ ...ledgered.result, sellerEdit } as ToolResult) : ledgered.result;
    });
    return asJson(result);
  }
}
