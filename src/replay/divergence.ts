import type { RecordedTrace } from './traceExport.js';
import { canonicalJson } from '../shared/canonicalJson.js';

export interface Divergence {
  step: number;
  kind: 'tool_call' | 'policy_decision' | 'approval' | 'status' | 'reply';
  expected: unknown;
  actual: unknown;
  message: string;
}

type Behaviour = RecordedTrace['expected'];

const short = (value: unknown) => {
  const text = typeof value === 'string' ? value : canonicalJson(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
};

/** Compares two behaviours step by step; divergences come out in the order they happen, the first first. */
export function compareBehaviour(recorded: Behaviour, replayed: Behaviour): Divergence[] {
  const expected = normalize(recorded);
  const actual = normalize(replayed);
  const out: Divergence[] = [];
  const sequence = <T>(
    kind: Divergence['kind'],
    a: T[],
    b: T[],
    same: (x: T, y: T) => boolean,
    describe: (x: T | undefined) => string,
  ) => {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
      if (a[i] !== undefined && b[i] !== undefined && same(a[i], b[i])) continue;
      out.push({
        step: i + 1,
        kind,
        expected: a[i] ?? null,
        actual: b[i] ?? null,
        message: `${kind.replace('_', ' ')} ${i + 1} changed: expected ${describe(a[i])}, got ${describe(b[i])}`,
      });
      return;
    }
  };
  sequence(
    'tool_call',
    expected.toolCalls,
    actual.toolCalls,
    (x, y) =>
      x.tool === y.tool &&
      canonicalJson(x.arguments) === canonicalJson(y.arguments) &&
      canonicalJson(x.result) === canonicalJson(y.result),
    (x) => (x ? `${x.tool}(${short(x.arguments)})` : 'no call'),
  );
  // Same call, different answer: say where the answers first differ.
  const changed = out.find((d) => d.kind === 'tool_call');
  if (changed && changed.expected && changed.actual) {
    const a = changed.expected as Behaviour['toolCalls'][number];
    const b = changed.actual as Behaviour['toolCalls'][number];
    if (a.tool === b.tool && canonicalJson(a.arguments) === canonicalJson(b.arguments)) {
      const where = firstDifference(a.result, b.result, 'result');
      changed.message = `tool call ${changed.step} (${a.tool}) answered differently at ${where.path}: expected ${short(where.expected)}, got ${short(where.actual)}`;
    }
  }
  sequence(
    'policy_decision',
    expected.policyDecisions,
    actual.policyDecisions,
    (x, y) => x.tool === y.tool && x.phase === y.phase && x.decision === y.decision && x.rule === y.rule,
    (x) => (x ? `${x.decision} (${x.rule}) for ${x.tool} at ${x.phase}` : 'no decision'),
  );
  sequence(
    'approval',
    expected.approvals,
    actual.approvals,
    (x, y) => x.tool === y.tool && canonicalJson(x.arguments) === canonicalJson(y.arguments),
    (x) => (x ? `${x.tool}(${short(x.arguments)})` : 'no approval'),
  );
  // The gate's decisions explain what follows them, so they lead the report.
  const order: Divergence['kind'][] = ['policy_decision', 'tool_call', 'approval'];
  out.sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  if (expected.status !== actual.status || expected.stopReason !== actual.stopReason) {
    const fmt = (b: Behaviour) => `${b.status}${b.stopReason ? ` (${b.stopReason})` : ''}`;
    out.push({
      step: 0,
      kind: 'status',
      expected: fmt(expected),
      actual: fmt(actual),
      message: `final status changed: expected ${fmt(expected)}, got ${fmt(actual)}`,
    });
  }
  if ((expected.reply ?? '') !== (actual.reply ?? '')) {
    out.push({
      step: 0,
      kind: 'reply',
      expected: expected.reply,
      actual: actual.reply,
      message: `final reply changed: expected "${short(expected.reply ?? '')}", got "${short(actual.reply ?? '')}"`,
    });
  }
  return out;
}

/** Ids of listings a run creates are random; they are not behaviour, so both sides name them alike. */
function normalize<T>(value: T): T {
  if (typeof value === 'string') return value.replace(/\blst_[A-Za-z0-9]{12}\b/g, 'lst_<created>') as T;
  if (Array.isArray(value)) return value.map(normalize) as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v)])) as T;
  return value;
}

function firstDifference(a: unknown, b: unknown, path: string): { path: string; expected: unknown; actual: unknown } {
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const key of keys) {
      const x = (a as Record<string, unknown>)[key];
      const y = (b as Record<string, unknown>)[key];
      if (canonicalJson(x) !== canonicalJson(y))
        return firstDifference(x, y, Array.isArray(a) ? `${path}[${key}]` : `${path}.${key}`);
    }
  }
  return { path, expected: a ?? null, actual: b ?? null };
}
