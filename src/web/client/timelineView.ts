import type { RunNode, RunTreeView } from '../../tracing/runTree.js';
import { h } from './dom.js';
import { argsInWords, folded, itemView, rawJson } from './payloadText.js';

const ms = (value: number | null | undefined) =>
  typeof value !== 'number' ? '' : value < 10_000 ? `${value} ms` : `${(value / 1000).toFixed(1)} s`;

/**
 * Where a moment falls on the bars, 0..1. A wait for the seller is squeezed to at most a third of
 * the assistant's working time, so a seller who took minutes does not shrink the model calls to slivers.
 */
export function timeScale(view: RunTreeView): (iso: string) => number {
  const start = Date.parse(view.startedAt);
  const waits = view.tree
    .filter((n) => n.kind === 'waiting')
    .map((n) => ({ from: Date.parse(n.at), to: n.endedAt ? Date.parse(n.endedAt) : Date.now() }));
  const ends = view.tree
    .filter((n) => n.kind === 'segment' || n.kind === 'waiting')
    .map((n) => (n.endedAt ? Date.parse(n.endedAt) : Date.now()));
  const end = Math.max(start + 1, ...ends);
  const squeezed = Math.max(1, (view.activeMs || end - start) / 3);
  const shown = (t: number) => {
    let x = t - start;
    for (const w of waits) {
      const inside = Math.min(Math.max(t - w.from, 0), w.to - w.from);
      const length = w.to - w.from;
      if (length > squeezed) x -= inside - (inside * squeezed) / length;
    }
    return x;
  };
  const total = Math.max(1, shown(end));
  return (iso) => Math.min(1, Math.max(0, shown(Date.parse(iso)) / total));
}

function bar(node: RunNode, scale: (iso: string) => number): HTMLElement {
  const left = scale(node.at);
  const right = node.endedAt ? scale(node.endedAt) : node.kind === 'waiting' ? 1 : left;
  const width = Math.max(right - left, 0);
  const span = h('span', { class: `bar ${node.kind}${width === 0 ? ' mark' : ''}`, 'data-testid': 'timing-bar' });
  // Through the CSSOM: the page's CSP allows no inline style attributes.
  span.style.left = `${(left * 100).toFixed(2)}%`;
  span.style.width = `${(width * 100).toFixed(2)}%`;
  return h('span', { class: 'track', 'aria-hidden': 'true' }, span);
}

function title(node: RunNode, segment: number): string {
  const e = node.event;
  if (!e) return 'Waiting for the seller';
  switch (e.type) {
    case 'agent':
      return `Run segment ${segment} (${e.name})`;
    case 'model_call':
      return `Model call · ${e.model}`;
    case 'tool_call':
      return `Tool · ${e.tool}`;
    case 'policy_decision':
      return `Policy · ${e.tool}: ${e.decision.replace('_', ' ')}`;
    case 'approval':
      return `Approval ${e.event} · ${e.tool}`;
    case 'feedback':
      return `Feedback: ${e.value > 0 ? 'helpful' : 'not helpful'}`;
    case 'correction':
      return `Correction · ${e.kind ?? ''}`;
  }
}

/** What happened, in words; the recorded data stays one click away. */
function body(node: RunNode): (Node | string)[] {
  const e = node.event;
  if (!e) return [h('p', { class: 'hint' }, 'Not counted in the assistant’s time.')];
  switch (e.type) {
    case 'agent':
      return [];
    case 'model_call':
      return [
        h('p', { class: 'figures' }, `${e.usage.inputTokens} in / ${e.usage.outputTokens} out tokens`),
        e.error ? h('p', { class: 'error' }, e.error) : '',
        h(
          'div',
          { class: 'new-input' },
          ...(e.input as object[]).map((i) => itemView(i)),
          e.earlierItems
            ? h('p', { class: 'hint' }, `(${e.earlierItems} earlier items of the conversation, not repeated)`)
            : '',
        ),
        h('div', { class: 'output' }, ...(e.output as object[]).map((i) => itemView(i))),
        rawJson({ input: e.input, output: e.output }),
      ];
    case 'tool_call':
      return [
        h('p', {}, argsInWords(e.arguments)),
        e.error ? h('p', { class: 'error' }, e.error) : '',
        h('p', {}, h('strong', {}, 'Result: '), folded(argsInWords(e.result))),
        rawJson({ arguments: e.arguments, result: e.result }),
      ];
    case 'policy_decision':
      return [h('p', {}, `Rule ${e.rule} (${e.phase}): ${e.reason}`), rawJson(e.arguments, 'Arguments')];
    case 'approval':
      return [
        h('p', {}, e.summary),
        e.by ? h('p', {}, `by ${e.by}${e.message ? `: “${e.message}”` : ''}`) : '',
        rawJson(e.arguments, 'Arguments'),
      ];
    case 'feedback':
      return [e.comment ? h('p', {}, e.comment) : ''];
    case 'correction':
      return [
        h('p', {}, `${e.tool}${e.changedFields.length ? `: ${e.changedFields.join(', ')} changed` : ''}`),
        e.message ? h('p', {}, `“${e.message}”`) : '',
        rawJson({ before: e.before, after: e.after }, 'Before / after'),
      ];
  }
}

/** A run as a tree: each line a bar on the run's time axis, its story in words under it. */
export function runTree(view: RunTreeView): HTMLElement {
  const scale = timeScale(view);
  const start = Date.parse(view.startedAt);
  let segments = 0;
  const line = (node: RunNode): HTMLElement => {
    if (node.kind === 'segment') segments++;
    const e = node.event;
    const decision = e?.type === 'policy_decision' ? ` decision-${e.decision}` : '';
    const text = body(node);
    return h(
      'li',
      {
        class: `event ${node.kind}${decision}`,
        'data-testid': 'timeline-event',
        'data-type': e?.type ?? 'waiting',
      },
      h(
        'div',
        { class: 'head' },
        h('span', { class: 'offset' }, `+${ms(Date.parse(node.at) - start)}`),
        h('strong', { class: 'name' }, title(node, segments)),
        h('span', { class: 'duration' }, ms(node.durationMs)),
        bar(node, scale),
      ),
      text.length ? h('div', { class: 'words' }, ...text) : '',
      node.children.length ? h('ol', { class: 'children' }, ...node.children.map(line)) : '',
    );
  };
  return h('ol', { class: 'timeline tree', 'data-testid': 'timeline' }, ...view.tree.map(line));
}
