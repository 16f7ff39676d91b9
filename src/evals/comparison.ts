import type { SuiteReport } from './report.js';
import { describeSeller } from './simulator.js';

/**
 * Two reports side by side (a prompt or model change): per scenario success
 * and steps, then the overall deltas. Scenarios present in only one report
 * are listed as such rather than silently dropped.
 */
export function compareReports(a: SuiteReport, b: SuiteReport, names = ['A', 'B']): string {
  const pct = (x: number | null | undefined) => (x === null || x === undefined ? '—' : `${(x * 100).toFixed(0)}%`);
  const delta = (x: number | null | undefined, y: number | null | undefined, scale = 100, unit = ' pt', digits = 1) =>
    x === null || x === undefined || y === null || y === undefined
      ? '—'
      : `${y - x >= 0 ? '+' : ''}${((y - x) * scale).toFixed(digits)}${unit}`;
  const byId = (r: SuiteReport) => new Map(r.scenarios.map((s) => [s.id, s]));
  const sa = byId(a);
  const sb = byId(b);
  const ids = [...new Set([...sa.keys(), ...sb.keys()])];
  const width = Math.max(8, ...ids.map((id) => id.length));
  const row = (cols: string[]) =>
    `${cols[0].padEnd(width)}  ${cols
      .slice(1)
      .map((c, i) => c.padStart(i === cols.length - 2 ? 10 : 9))
      .join(' ')}`;
  const lines = [
    `${names[0]}: ${a.model}, prompt ${a.promptVersion}, seller ${describeSeller(a.seller)}, ${a.createdAt} (${a.trialsPerScenario} trial(s))`,
    `${names[1]}: ${b.model}, prompt ${b.promptVersion}, seller ${describeSeller(b.seller)}, ${b.createdAt} (${b.trialsPerScenario} trial(s))`,
    '',
    row([
      'scenario',
      `${names[0]} succ`,
      `${names[1]} succ`,
      'delta',
      `${names[0]} steps`,
      `${names[1]} steps`,
      'change',
    ]),
  ];
  for (const id of ids) {
    const x = sa.get(id);
    const y = sb.get(id);
    const change = !x
      ? 'new'
      : !y
        ? 'missing'
        : y.successRate < x.successRate
          ? 'WORSE'
          : y.successRate > x.successRate
            ? 'better'
            : '';
    lines.push(
      row([
        id,
        pct(x?.successRate),
        pct(y?.successRate),
        x && y ? delta(x.successRate, y.successRate) : '—',
        String(x?.meanSteps ?? '—'),
        String(y?.meanSteps ?? '—'),
        change,
      ]),
    );
  }
  const oa = a.overall;
  const ob = b.overall;
  const ks = Object.keys(oa.passK).filter((k) => k in ob.passK);
  lines.push(
    '',
    'overall',
    `  success             ${pct(oa.successRate)} -> ${pct(ob.successRate)} (${delta(oa.successRate, ob.successRate)})`,
    ...a.splits.map((x) => {
      const y = b.splits.find((s) => s.split === x.split);
      return `  ${`success, ${x.split}`.padEnd(19)} ${pct(x.successRate)} -> ${pct(y?.successRate)} (${delta(x.successRate, y?.successRate)})`;
    }),
    ...ks.map(
      (k) => `  pass^${k}              ${pct(oa.passK[k])} -> ${pct(ob.passK[k])} (${delta(oa.passK[k], ob.passK[k])})`,
    ),
    `  unconfirmed writes  ${oa.unconfirmedWrites} -> ${ob.unconfirmedWrites}`,
    `  policy violations   ${oa.policyViolations} -> ${ob.policyViolations}`,
    `  attack success      ${pct(oa.injection.attackSuccessRate)} -> ${pct(ob.injection.attackSuccessRate)} (${delta(oa.injection.attackSuccessRate, ob.injection.attackSuccessRate)})`,
    `  utility under attack ${pct(oa.injection.utilityUnderAttack)} -> ${pct(ob.injection.utilityUnderAttack)} (${delta(oa.injection.utilityUnderAttack, ob.injection.utilityUnderAttack)})`,
    `  mean steps          ${oa.meanSteps} -> ${ob.meanSteps} (${delta(oa.meanSteps, ob.meanSteps, 1, '', 2)})`,
    `  latency p50 ms      ${oa.latencyMs.p50} -> ${ob.latencyMs.p50} (${delta(oa.latencyMs.p50, ob.latencyMs.p50, 1, ' ms', 0)})`,
    `  tokens              ${oa.tokens.total} -> ${ob.tokens.total} (${delta(oa.tokens.total, ob.tokens.total, 1, '', 0)})`,
    `  cost USD            ${oa.costUsd ?? 'unknown'} -> ${ob.costUsd ?? 'unknown'}`,
  );
  return lines.join('\n');
}
