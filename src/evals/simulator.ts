import OpenAI from 'openai';
import { loadConfig } from '../config.js';
import type { PendingApproval } from '../agent/runResult.js';
import type { Scenario } from './scenario.js';

/**
 * tau-bench's simulated user played by a model: with `SIMULATOR_MODEL` set
 * (and the same OpenAI-compatible settings the agent uses), an LLM plays the
 * seller from the scenario's persona, goal and facts. It reads the
 * conversation so far and writes the seller's next message or says it is
 * done, and decides every approval it is shown: approve only what matches its
 * goal and facts, reject anything else with a reason. Without it the
 * scripted seller (`seller.ts`) runs.
 */

/** One line of the conversation as the simulated seller sees it. */
export interface TranscriptEntry {
  from: 'seller' | 'assistant' | 'approval';
  text: string;
}

export type SimulatedDecision = { decide: 'approve' | 'reject'; message?: string };

/** Which seller drove a report's trials: the script, or a model playing the seller. */
export type SellerKind = { type: 'scripted'; model: null } | { type: 'simulator'; model: string };

export const SCRIPTED_SELLER: SellerKind = { type: 'scripted', model: null };

export function describeSeller(seller: SellerKind | undefined): string {
  return seller?.type === 'simulator' ? `simulated by ${seller.model}` : 'scripted';
}

/** The most seller messages a simulated conversation may have: a seller that never says it is done is bounded. */
export function maxSimulatedTurns(scenario: Scenario): number {
  return Math.min(8, Math.max(4, scenario.turns.length + 2));
}

/** What a model call answers: its text. Injected in tests; `openAIComplete` in use. */
export type Complete = (request: { instructions: string; input: string }) => Promise<string>;

export interface SimulatorSettings {
  model: string;
  complete: Complete;
}

/**
 * The simulator from the environment, or none when `SIMULATOR_MODEL` is unset.
 * It talks to the same server as the agent (`OPENAI_API_KEY`,
 * `OPENAI_BASE_URL`, `OPENAI_API`, retries and timeouts).
 */
export function simulatorFromEnv(env: Record<string, string | undefined>): SimulatorSettings | undefined {
  const model = env.SIMULATOR_MODEL?.trim();
  if (!model) return undefined;
  const config = loadConfig(env);
  if (!config.OPENAI_API_KEY && !config.OPENAI_BASE_URL)
    throw new Error(
      `SIMULATOR_MODEL=${model} needs OPENAI_API_KEY (OpenAI) or OPENAI_BASE_URL (a compatible server), as the agent does.`,
    );
  const client = new OpenAI({
    apiKey: config.OPENAI_API_KEY ?? 'not-needed',
    baseURL: config.OPENAI_BASE_URL,
    maxRetries: config.AGENT_MODEL_RETRIES,
    timeout: config.AGENT_MODEL_TIMEOUT_MS,
  });
  return { model, complete: openAIComplete(client, model, config.OPENAI_API) };
}

export function openAIComplete(client: OpenAI, model: string, api: 'responses' | 'chat_completions'): Complete {
  if (api === 'chat_completions') {
    return async ({ instructions, input }) => {
      const completion = await client.chat.completions.create({
        model,
        messages: [
          { role: 'system', content: instructions },
          { role: 'user', content: input },
        ],
      });
      return completion.choices[0]?.message?.content ?? '';
    };
  }
  return async ({ instructions, input }) => {
    const response = await client.responses.create({ model, instructions, input });
    return response.output_text ?? '';
  };
}

/** The seller of one trial, played by the model. */
export class LlmSeller {
  readonly instructions: string;

  constructor(
    private readonly settings: SimulatorSettings,
    readonly scenario: Scenario,
  ) {
    this.instructions = sellerInstructions(scenario);
  }

  /** The seller's opening line: the scenario's first turn, so every seller starts the same task. */
  opening(): string {
    return this.scenario.turns[0].say;
  }

  /** The seller's next message, or undefined when the seller is done. */
  async next(transcript: TranscriptEntry[]): Promise<string | undefined> {
    const text = await this.settings.complete({
      instructions: this.instructions,
      input: `${renderTranscript(transcript)}\n\nWrite the seller's next message as JSON: {"message": "..."} or, if you have nothing more to say, {"done": true}.`,
    });
    return parseNext(text);
  }

  async decide(transcript: TranscriptEntry[], approval: PendingApproval): Promise<SimulatedDecision> {
    const text = await this.settings.complete({
      instructions: this.instructions,
      input: `${renderTranscript(transcript)}\n\nThe assistant asks you to confirm this action:\n${describeApproval(approval)}\n\nApprove it only if it matches your goal and the facts you know; otherwise reject it and say why. Answer as JSON: {"decision": "approve"} or {"decision": "reject", "message": "..."}.`,
    });
    return parseDecision(text);
  }
}

export function sellerInstructions(scenario: Scenario): string {
  const known = Object.entries(scenario.facts?.known ?? {});
  const unknown = scenario.facts?.unknown ?? [];
  return [
    'You play a seller on an online marketplace, talking to the marketplace’s listing assistant. Stay in character; you are the seller, not the assistant.',
    `Who you are: ${scenario.persona.description}`,
    `Your goal: ${scenario.goal ?? scenario.title}`,
    known.length
      ? `Facts you know (state them when asked, and never contradict them):\n${known.map(([k, v]) => `- ${k}: ${String(v)}`).join('\n')}`
      : 'Facts you know: only what your messages in the script below say.',
    unknown.length
      ? `Things you do not know (if asked, say you do not know; never invent them):\n${unknown.map((u) => `- ${u}`).join('\n')}`
      : '',
    `What a scripted seller with the same goal says, in order (a guide, not a script to follow word for word):\n${scenario.turns.map((t) => `- ${t.when ? '(if it fits) ' : ''}${t.say}${t.otherwise ? ` / otherwise: ${t.otherwise}` : ''}`).join('\n')}`,
    'Rules: answer the assistant’s questions with the facts above; write short, natural messages; say you are done once your goal is reached or cannot be reached; approve an action only if it matches your goal and facts exactly (item, price, listing), otherwise reject it with a one-sentence reason.',
  ]
    .filter(Boolean)
    .join('\n\n');
}

function renderTranscript(transcript: TranscriptEntry[]): string {
  if (!transcript.length) return 'The conversation so far: (nothing yet)';
  const who = { seller: 'You (seller)', assistant: 'Assistant', approval: 'Your decision' } as const;
  return `The conversation so far:\n${transcript.map((e) => `${who[e.from]}: ${e.text}`).join('\n')}`;
}

export function describeApproval(approval: PendingApproval): string {
  return `${approval.tool} ${JSON.stringify(approval.arguments)}`;
}

/** The first JSON object in a model's text, if any (models wrap JSON in prose or code fences). */
function jsonObject(text: string): Record<string, unknown> | undefined {
  const start = text.indexOf('{');
  const end = text.lastIndexOf('}');
  if (start < 0 || end <= start) return undefined;
  try {
    const value: unknown = JSON.parse(text.slice(start, end + 1));
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function parseNext(text: string): string | undefined {
  const json = jsonObject(text);
  if (json) {
    if (json.done === true) return undefined;
    return typeof json.message === 'string' && json.message.trim() ? json.message.trim() : undefined;
  }
  const plain = text.trim();
  return !plain || /^done\b/i.test(plain) ? undefined : plain;
}

export function parseDecision(text: string): SimulatedDecision {
  const json = jsonObject(text);
  const decision = typeof json?.decision === 'string' ? json.decision.toLowerCase() : text.trim().toLowerCase();
  const message = typeof json?.message === 'string' && json.message.trim() ? json.message.trim() : undefined;
  // Anything but a clear approval is a rejection: a seller does not approve what it did not understand.
  if (/^approve/.test(decision)) return { decide: 'approve' };
  return { decide: 'reject', message: message ?? (json ? undefined : text.trim() || undefined) };
}
