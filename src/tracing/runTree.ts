import type { TimelineEvent, TraceView } from './timeline.js';
import { newModelInput, withoutInlineImages } from './payloadView.js';

export type RunNodeKind = 'segment' | 'waiting' | 'model' | 'tool' | 'policy' | 'approval' | 'feedback' | 'correction';

/** One line of the run's tree: a span with a duration (a bar) or a moment (a mark), and what happened in it. */
export interface RunNode {
  kind: RunNodeKind;
  at: string;
  /** Null for a moment, or for a wait that has not ended. */
  endedAt: string | null;
  durationMs: number | null;
  /** The recorded event, shaped for reading (no image bytes; a model call's new input only). */
  event?: TimelineEvent & { earlierItems?: number };
  children: RunNode[];
}

/** A run as support reads it: the recorded view plus the tree, and the assistant's time apart from the seller's. */
export interface RunTreeView extends TraceView {
  tree: RunNode[];
  /** Time the assistant worked: the run's segments, without the time spent waiting for the seller. */
  activeMs: number;
  /** Time the run waited for the seller's decision (until now when still waiting). */
  waitingMs: number;
  /** Images the seller sent with the message: a reference to show, or a "[image, N KB]" placeholder. */
  sellerImages: string[];
}

const KIND: Record<TimelineEvent['type'], RunNodeKind> = {
  agent: 'segment',
  model_call: 'model',
  tool_call: 'tool',
  policy_decision: 'policy',
  approval: 'approval',
  feedback: 'feedback',
  correction: 'correction',
};

type Call = { callId: string; name: string; args: string };
const time = (iso: string) => Date.parse(iso);

/** Function calls a model call asked for, in order. */
function callsOf(event: Extract<TimelineEvent, { type: 'model_call' }>): Call[] {
  return (event.output as Array<Record<string, unknown>>)
    .filter((o) => o && o.type === 'function_call')
    .map((o) => ({
      callId: typeof o.callId === 'string' ? o.callId : typeof o.id === 'string' ? o.id : '',
      name: String(o.name),
      args: canonical(o.arguments),
    }));
}

function canonical(args: unknown): string {
  if (typeof args !== 'string') return JSON.stringify(args ?? null);
  try {
    return JSON.stringify(JSON.parse(args));
  } catch {
    return args;
  }
}

function shape(event: TimelineEvent): RunNode['event'] {
  if (event.type !== 'model_call') return withoutInlineImages(event) as RunNode['event'];
  const { input, earlier } = newModelInput(event.input);
  // Spans recorded since they keep only new input say how much history they left out.
  const earlierItems = earlier + (event.historyItems ?? 0);
  return withoutInlineImages({ ...event, input, earlierItems }) as RunNode['event'];
}

const node = (event: TimelineEvent, at = event.at): RunNode => {
  const ended = 'endedAt' in event ? event.endedAt : null;
  return {
    kind: KIND[event.type],
    at,
    endedAt: ended,
    durationMs: ended ? time(ended) - time(event.at) : null,
    event: shape(event),
    children: [],
  };
};

/**
 * Places every event where it happened. Policy decisions and approval requests are written when
 * their transaction commits, which can be after the segment's span ended; they are placed by the
 * call they decided instead: a proposal's decision right after the model call that proposed it,
 * its approval request right after that decision, an execution's decision right before the tool
 * ran; their node's time is that moment (the recorded event keeps its commit time). Tool spans carry
 * no call id: they are matched to the model's calls by name and arguments.
 */
function ordered(timeline: TimelineEvent[]): { events: TimelineEvent[]; placedAt: Map<TimelineEvent, string> } {
  const placedAt = new Map<TimelineEvent, string>();
  const calls: Array<Call & { model: TimelineEvent; tool?: TimelineEvent }> = [];
  for (const e of timeline) if (e.type === 'model_call') for (const c of callsOf(e)) calls.push({ ...c, model: e });
  for (const e of timeline) {
    if (e.type !== 'tool_call') continue;
    const args = canonical(typeof e.arguments === 'string' ? e.arguments : JSON.stringify(e.arguments));
    const call = calls.find((c) => !c.tool && c.name === e.tool && c.args === args);
    if (call) call.tool = e;
  }
  const before = new Map<TimelineEvent, TimelineEvent[]>();
  const after = new Map<TimelineEvent, TimelineEvent[]>();
  const attach = (map: Map<TimelineEvent, TimelineEvent[]>, to: TimelineEvent, e: TimelineEvent) =>
    map.set(to, [...(map.get(to) ?? []), e]);
  const attached = new Set<TimelineEvent>();
  const proposals = new Map<string, TimelineEvent>();
  for (const e of timeline) {
    if (e.type !== 'policy_decision') continue;
    const call = calls.find((c) => c.callId === e.callId);
    const anchor = e.phase === 'execution' ? call?.tool : call?.model;
    if (!anchor) continue;
    attach(e.phase === 'execution' ? before : after, anchor, e);
    attached.add(e);
    // When it was decided: as the tool started, or as the model's answer came in.
    const endedAt = 'endedAt' in anchor ? anchor.endedAt : null;
    placedAt.set(e, e.phase === 'execution' ? anchor.at : (endedAt ?? anchor.at));
    if (e.phase === 'proposal') proposals.set(e.callId, e);
  }
  for (const e of timeline) {
    if (e.type !== 'approval' || e.event !== 'requested') continue;
    const decision = proposals.get(e.callId);
    const model = calls.find((c) => c.callId === e.callId)?.model;
    const anchor = decision ?? model;
    if (!anchor) continue;
    // After the decision, which itself sits in the model call's "after" list.
    if (decision && model) {
      const list = after.get(model)!;
      list.splice(list.indexOf(decision) + 1, 0, e);
    } else attach(after, anchor, e);
    attached.add(e);
    const endedAt = 'endedAt' in anchor ? anchor.endedAt : null;
    placedAt.set(e, placedAt.get(anchor) ?? endedAt ?? anchor.at);
  }
  const out: TimelineEvent[] = [];
  const emit = (e: TimelineEvent) => {
    for (const b of before.get(e) ?? []) emit(b);
    out.push(e);
    for (const a of after.get(e) ?? []) emit(a);
  };
  for (const e of timeline) if (!attached.has(e)) emit(e);
  return { events: out, placedAt };
}

/** The run as a tree: segments with what happened in them, the waits for the seller between them, the rest after. */
export function buildRunTree(view: TraceView, now: Date = new Date()): RunTreeView {
  const { events, placedAt } = ordered(view.timeline);
  const tree: RunNode[] = [];
  let segment: RunNode | undefined;
  let waiting: RunNode | undefined;
  let asked = false;
  const close = () => {
    if (segment && asked && !waiting) {
      waiting = { kind: 'waiting', at: segment.endedAt ?? segment.at, endedAt: null, durationMs: null, children: [] };
      tree.push(waiting);
    }
    segment = undefined;
  };
  for (const e of events) {
    if (e.type === 'agent') {
      if (waiting) {
        waiting.endedAt = e.at;
        waiting.durationMs = Math.max(0, time(e.at) - time(waiting.at));
        waiting = undefined;
      } else close();
      segment = node(e);
      asked = false;
      tree.push(segment);
      continue;
    }
    const n = node(e, placedAt.get(e));
    const end = segment?.endedAt ? time(segment.endedAt) : Infinity;
    // Placed events belong to their segment whatever their commit time; a decision comes after it.
    const inSegment =
      segment &&
      (e.type === 'policy_decision' || (e.type === 'approval' && e.event === 'requested') || time(e.at) <= end);
    if (segment && inSegment) {
      segment.children.push(n);
      if (e.type === 'approval' && e.event === 'requested') asked = true;
      continue;
    }
    close();
    if (waiting && e.type === 'approval') waiting.children.push(n);
    else tree.push(n);
  }
  close();
  if (waiting && view.status !== 'awaiting_approval') {
    // The run stopped while waiting (expired, superseded): the wait ended with the run.
    waiting.endedAt = view.endedAt;
  }
  if (waiting) waiting.durationMs = Math.max(0, time(waiting.endedAt ?? now.toISOString()) - time(waiting.at));
  const activeMs = tree.filter((n) => n.kind === 'segment').reduce((sum, n) => sum + (n.durationMs ?? 0), 0);
  const waitingMs = tree.filter((n) => n.kind === 'waiting').reduce((sum, n) => sum + (n.durationMs ?? 0), 0);
  const firstModel = events.find((e) => e.type === 'model_call');
  const sellerImages = firstModel ? imagesIn(shape(firstModel)) : [];
  return {
    ...view,
    timeline: view.timeline.map((e) => shape(e)!),
    tree,
    activeMs,
    waitingMs,
    sellerImages,
  };
}

/** The image values of a model call's input_image items (placeholders or references, never bytes). */
function imagesIn(event: RunNode['event']): string[] {
  if (!event || event.type !== 'model_call') return [];
  const images: string[] = [];
  for (const item of event.input as Array<{ content?: unknown }>) {
    if (!Array.isArray(item?.content)) continue;
    for (const part of item.content as Array<Record<string, unknown>>) {
      if (part?.type !== 'input_image') continue;
      const ref = part.image ?? part.imageId ?? part.image_url ?? part.url;
      if (typeof ref === 'string') images.push(ref);
      else if (ref && typeof ref === 'object' && typeof (ref as { id?: unknown }).id === 'string')
        images.push((ref as { id: string }).id);
    }
  }
  return images;
}
