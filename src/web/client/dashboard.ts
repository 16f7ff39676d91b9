import { api } from './api.js';
import { barChart } from './chart.js';
import { clear, h } from './dom.js';
import { requireSupport } from './supportGate.js';
import { errorView } from './signIn.js';
import type { Dashboard, VersionFigures } from '../../monitoring/dashboard.js';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const usd = (x: number | null) => (x === null ? 'unknown' : `$${x.toFixed(x < 0.01 ? 5 : 3)}`);
const ms = (x: number | null) => (x === null ? '–' : `${x} ms`);

const ROWS: [string, (f: VersionFigures) => string][] = [
  ['Runs', (f) => String(f.runs)],
  ['Completed / waiting / stopped', (f) => `${f.completed} / ${f.awaitingApproval} / ${f.stopped}`],
  ['Failure rate', (f) => `${pct(f.failureRate)} (${f.failed})`],
  [
    'Stop reasons',
    (f) =>
      Object.entries(f.stopReasons)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') || '–',
  ],
  ['Model errors', (f) => String(f.modelErrors)],
  ['Empty replies', (f) => String(f.emptyReplies)],
  ['Latency p50 / p95', (f) => `${ms(f.latencyMs.p50)} / ${ms(f.latencyMs.p95)}`],
  ['Tokens in / out', (f) => `${f.tokens.input} / ${f.tokens.output}`],
  ['Cost (est.) / per run', (f) => `${usd(f.costUsd)} / ${usd(f.costPerRunUsd)}`],
  [
    'Approvals requested / approved / rejected / expired',
    (f) => `${f.approvals.requested} / ${f.approvals.approved} / ${f.approvals.rejected} / ${f.approvals.expired}`,
  ],
  ['Policy denials', (f) => String(f.policyDenials)],
  ['Feedback up / down', (f) => `${f.feedback.up} / ${f.feedback.down}`],
];

/** Support's dashboard: the last hour or day by prompt version, as a table, charts and alerts. */
async function render(root: HTMLElement, window: 'hour' | 'day'): Promise<void> {
  const d = await api<Dashboard>('GET', `/api/dashboard?window=${window}`);
  const labels = d.buckets.map((b) =>
    new Date(b.start).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' }),
  );
  const series = (pick: (f: VersionFigures) => number) =>
    d.versions.map((v) => ({ name: v, values: d.buckets.map((b) => pick(b.byVersion[v])) }));
  const picker = h(
    'div',
    { class: 'actions' },
    ...(['hour', 'day'] as const).map((w) =>
      h(
        'button',
        {
          type: 'button',
          class: w === window ? 'primary' : 'secondary',
          'aria-pressed': String(w === window),
          onclick: () => void show(root, w),
        },
        `Last ${w}`,
      ),
    ),
  );
  clear(root);
  root.append(
    h(
      'header',
      { class: 'top support-top' },
      h('h1', {}, 'Support · dashboard'),
      h('a', { href: '/support' }, 'Runs'),
      h('a', { href: '/support/review' }, 'Review queue'),
      h('a', { href: '/metrics' }, 'Prometheus metrics'),
    ),
    picker,
    h(
      'section',
      { class: 'card alerts', 'data-testid': 'alerts' },
      h('h2', {}, 'Alerts'),
      d.alerts.length
        ? h(
            'ul',
            {},
            ...d.alerts.map((a) => h('li', { class: 'error', 'data-testid': 'alert', 'data-kind': a.kind }, a.message)),
          )
        : h('p', { class: 'ok' }, 'No alerts: failure rate and cost per run are within their thresholds.'),
    ),
    d.versions.length
      ? h(
          'table',
          { class: 'card figures-table', 'data-testid': 'figures' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h('th', {}, `Since ${new Date(d.from).toLocaleString('en-GB')}`),
              ...d.versions.map((v) => h('th', { 'data-version': v }, `Prompt ${v}`)),
            ),
          ),
          h(
            'tbody',
            {},
            ...ROWS.map(([label, cell]) =>
              h('tr', {}, h('th', {}, label), ...d.versions.map((v) => h('td', {}, cell(d.totals[v])))),
            ),
          ),
        )
      : h('p', { class: 'hint' }, 'No runs in this window yet.'),
    h(
      'div',
      { class: 'charts' },
      barChart(
        `Runs per ${d.bucketMinutes} min`,
        labels,
        series((f) => f.runs),
        (v) => String(Math.round(v)),
      ),
      barChart(
        'Failure rate',
        labels,
        series((f) => f.failureRate),
        pct,
      ),
      barChart(
        'Latency p95',
        labels,
        series((f) => f.latencyMs.p95 ?? 0),
        (v) => `${Math.round(v)} ms`,
      ),
      barChart(
        'Estimated cost',
        labels,
        series((f) => f.costUsd ?? 0),
        (v) => usd(v),
      ),
    ),
  );
}

/** The dashboard, or why it cannot be shown (above what was shown before, which stays readable). */
async function show(root: HTMLElement, window: 'hour' | 'day'): Promise<void> {
  try {
    await render(root, window);
  } catch (e) {
    root.querySelector('[data-testid="dashboard-error"]')?.remove();
    const error = errorView(e);
    error.dataset.testid = 'dashboard-error';
    root.prepend(error);
  }
}

const root = document.getElementById('app')!;
if (await requireSupport(root, 'Support sign-in')) await show(root, 'hour');
