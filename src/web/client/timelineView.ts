import type { TimelineEvent as TraceEvent } from '../../tracing/timeline.js';
import { h } from './dom.js';

export type TimelineEvent = { type: string; at: string; durationMs?: number | null; [key: string]: unknown };

const json = (value: unknown) => h('pre', {}, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
const details = (summary: string, value: unknown) => h('details', {}, h('summary', {}, summary), json(value));
const ms = (value: unknown) => (typeof value === 'number' ? `${value} ms` : '');

/** One line of a run's story, in words support staff can read, with the raw data folded away. */
export function timelineEntry(event: TimelineEvent, startedAt: string): HTMLElement {
  const offset = `+${Date.parse(event.at) - Date.parse(startedAt)} ms`;
  // Support passes a TraceView's events; the loose type above also admits kinds added later (the default case).
  const e = event as TraceEvent;
  let title: string;
  let body: (Node | string)[];
  switch (e.type) {
    case 'agent':
      title = `Run segment ${e.segment} (${e.name})`;
      body = [h('span', { class: 'figures' }, ms(e.durationMs))];
      break;
    case 'model_call':
      title = `Model call · ${e.model}`;
      body = [
        h(
          'span',
          { class: 'figures' },
          `${e.usage.inputTokens} in / ${e.usage.outputTokens} out tokens · ${ms(e.durationMs)}`,
        ),
        e.error ? h('p', { class: 'error' }, e.error) : '',
        details('Input', e.input),
        details('Output', e.output),
      ];
      break;
    case 'tool_call':
      title = `Tool · ${e.tool}`;
      body = [
        h('span', { class: 'figures' }, ms(e.durationMs)),
        e.error ? h('p', { class: 'error' }, e.error) : '',
        details('Arguments', e.arguments),
        details('Result', e.result),
      ];
      break;
    case 'policy_decision':
      title = `Policy · ${e.tool}: ${e.decision}`;
      body = [h('p', {}, `Rule ${e.rule} (${e.phase}): ${e.reason}`), details('Arguments', e.arguments)];
      break;
    case 'approval':
      title = `Approval ${e.event} · ${e.tool}`;
      body = [h('p', {}, e.summary), e.by ? h('p', {}, `by ${e.by}${e.message ? `: “${e.message}”` : ''}`) : ''];
      break;
    case 'feedback':
      title = `Feedback: ${e.value > 0 ? 'helpful' : 'not helpful'}`;
      body = [e.comment ? h('p', {}, e.comment) : ''];
      break;
    case 'correction':
      title = `Correction · ${e.kind ?? ''}`;
      body = [details('Before / after', { before: e.before, after: e.after, changed: e.changedFields })];
      break;
    default:
      title = event.type;
      body = [details('Data', event)];
  }
  const decisionClass = e.type === 'policy_decision' ? ` decision-${e.decision}` : '';
  return h(
    'li',
    { class: `event ${event.type}${decisionClass}`, 'data-testid': 'timeline-event', 'data-type': event.type },
    h('span', { class: 'offset' }, offset),
    h('div', {}, h('strong', {}, title), ...body),
  );
}
