import type { Agent, RunState } from '@openai/agents';
import type { AssistantContext } from '../tools/index.js';

/** A run's paused state as this process stored it: the live object, its agent, and the stored text. */
export interface PausedRun {
  agent: Agent<AssistantContext>;
  state: RunState<AssistantContext, Agent<AssistantContext>>;
  text: string;
}

/**
 * Paused runs this process stored, kept in memory so that a decision taken here resumes the live
 * state instead of parsing the stored text again (about a sixth of a conversation's CPU in profiles:
 * the SDK validates and rebuilds every item). The stored text stays the truth: an entry serves only
 * a resume whose text (as read from the store, with the seller's edits applied) is the very text
 * this process stored, so another instance's resume and pause, an edit, or a lost update all fall
 * back to the store. An entry is taken once; the oldest go first beyond `capacity`.
 */
export class PausedRuns {
  private readonly entries = new Map<string, PausedRun>();

  constructor(private readonly capacity = 256) {}

  keep(runId: string, paused: PausedRun): void {
    this.entries.delete(runId);
    this.entries.set(runId, paused);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(oldest);
    }
  }

  /** The kept state when it is exactly `text`; the entry is gone either way. */
  take(runId: string, text: string): PausedRun | undefined {
    const paused = this.entries.get(runId);
    this.entries.delete(runId);
    return paused?.text === text ? paused : undefined;
  }

  get size(): number {
    return this.entries.size;
  }
}
