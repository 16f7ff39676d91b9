import type { z } from 'zod';
import type { PolicyGate, PolicyVerdict } from '../policy/index.js';
import { describeIssues } from './validationIssues.js';
import { canonicalJson } from '../shared/canonicalJson.js';

/** A tool call as vetted: the arguments as the schema parsed them (when they did) and the gate's verdict. */
export interface VettedCall {
  tool: string;
  args?: Record<string, unknown>;
  /** Why the arguments did not parse, in words the model can act on. */
  issues?: string[];
  verdict: PolicyVerdict;
}

export interface CallToVet {
  runId: string;
  callId: string;
  sellerId: string;
  tool: string;
  /** The arguments as the SDK decoded them, or their raw JSON text (an interruption carries the text). */
  input: unknown;
}

/** Parses model arguments against a schema: the one place arguments become trusted shapes. */
export function parseArguments<S extends z.ZodObject>(
  schema: S,
  input: unknown,
): { ok: true; args: z.infer<S> } | { ok: false; issues: string[] } {
  const parsed = schema.safeParse(input);
  return parsed.success ? { ok: true, args: parsed.data } : { ok: false, issues: describeIssues(parsed.error) };
}

/** Calls remembered at most; past it the oldest are vetted again if asked about (same inputs, same answer). */
const REMEMBERED_CALLS = 10_000;

/**
 * Parses and vets each tool call once, and remembers the answer for the run. The SDK asks
 * `needsApproval` at the pause and again at the resume, the approval desk asks when it turns
 * the pause into an approval or a refusal, and `execute` asks before it runs: all of them get
 * the same vetting. What a write re-checks at write time is only what can change meanwhile
 * (the listing's state, the seller's write count) and the binding to the seller's confirmation.
 * The vetting itself is remembered (a promise), so questions asked while it is under way share it.
 */
export class CallVetting {
  private readonly remembered = new Map<string, { tool: string; input: string; vetted: Promise<VettedCall> }>();

  constructor(
    /** The gate that judges the calls (its rules also bound how many may wait for the seller). */
    readonly policy: PolicyGate,
    private readonly schemas: (tool: string) => z.ZodObject | undefined,
  ) {}

  vet(call: CallToVet): Promise<VettedCall> {
    // Without a call id there is nothing to remember it by (two calls would share one answer).
    if (!call.callId) return this.judge(call);
    const key = `${call.runId}\u0000${call.callId}`;
    // The input is part of the answer: a call the seller edited on approving resumes with new arguments.
    const input = inputKey(call.input);
    const known = this.remembered.get(key);
    if (known && known.tool === call.tool && known.input === input) return known.vetted;
    const entry = { tool: call.tool, input, vetted: this.judge(call) };
    if (this.remembered.size >= REMEMBERED_CALLS) this.remembered.delete(this.remembered.keys().next().value!);
    this.remembered.set(key, entry);
    // A vetting that failed (the store did) is not an answer: the next question judges again.
    entry.vetted.catch(() => {
      if (this.remembered.get(key) === entry) this.remembered.delete(key);
    });
    return entry.vetted;
  }

  private async judge({ tool, input, sellerId }: CallToVet): Promise<VettedCall> {
    const schema = this.schemas(tool);
    if (!schema) return { tool, verdict: deny('known-tool', `There is no tool named ${tool}.`) };
    let decoded = input;
    if (typeof input === 'string') {
      try {
        decoded = JSON.parse(input);
      } catch {
        const reason = `The arguments for ${tool} were not valid JSON; send them again as a JSON object.`;
        return { tool, verdict: deny('valid-json', reason) };
      }
    }
    const parsed = parseArguments(schema, decoded);
    if (!parsed.ok) {
      const reason = `Fix these arguments and call ${tool} again: ${parsed.issues.join('; ')}`;
      return { tool, issues: parsed.issues, verdict: deny('valid-arguments', reason) };
    }
    const args = parsed.args;
    return { tool, args, verdict: await this.policy.evaluate({ tool, args, sellerId }) };
  }
}

/** The same arguments as text or as decoded JSON give the same key. */
function inputKey(input: unknown): string {
  if (typeof input !== 'string') return canonicalJson(input ?? null);
  try {
    return canonicalJson(JSON.parse(input));
  } catch {
    return input;
  }
}

const deny = (rule: string, reason: string): PolicyVerdict => ({ decision: 'deny', rule, reason });
