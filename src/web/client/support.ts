import { api, ApiError } from './api.js';
import { clear, h, time } from './dom.js';
import { signOutButton } from './signIn.js';
import { requireSupport } from './supportGate.js';
import { timelineEntry } from './timelineView.js';
import type { TraceSummary } from '../../store/traceRepository.js';
import type { TraceView } from '../../tracing/timeline.js';
import type { ReplayReport } from '../../replay/replay.js';

type TraceDetail = TraceView & { langfuseUrl?: string };

const STATUSES = ['', 'completed', 'awaiting_approval', 'stopped', 'running'];
const TOOLS = ['', 'getListing', 'searchSimilar', 'createListing', 'updatePrice'];

const field = (label: string, control: HTMLElement) => h('label', {}, label, control);
const select = (name: string, options: string[]) =>
  h('select', { name }, ...options.map((o) => h('option', { value: o }, o || 'any')));

/** Support's trace viewer: search runs, read one as a timeline, replay it against today's code. */
class SupportPage {
  private readonly results = h('div', { class: 'results', 'data-testid': 'trace-results' });
  private readonly detail = h('section', { class: 'detail', 'data-testid': 'trace-detail' });
  private readonly form = h(
    'form',
    { class: 'filters card', onsubmit: (e) => (e.preventDefault(), void this.search()) },
    field('Seller', h('input', { name: 'userId', placeholder: 'seller-1' })),
    field('Conversation', h('input', { name: 'conversationId', placeholder: 'conv_…' })),
    field('Status', select('status', STATUSES)),
    field('Tool', select('tool', TOOLS)),
    h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'denied', value: 'true' }), 'Policy denial'),
    h('button', { type: 'submit', class: 'primary' }, 'Search'),
  );

  constructor(
    private readonly root: HTMLElement,
    private readonly userId: string,
  ) {}

  async start(): Promise<void> {
    clear(this.root);
    this.root.append(
      h(
        'header',
        { class: 'top' },
        h('h1', {}, 'Support · runs'),
        h('span', { class: 'who' }, this.userId),
        h('a', { href: '/support/dashboard' }, 'Dashboard'),
        h('a', { href: '/support/review' }, 'Review queue'),
        h('a', { href: '/api/docs' }, 'API reference'),
        signOutButton(),
      ),
      this.form,
      h('div', { class: 'support' }, this.results, this.detail),
    );
    await this.search();
    const linked = new URLSearchParams(location.hash.slice(1)).get('trace');
    if (linked) await this.open(linked);
  }

  private async search(): Promise<void> {
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(this.form))
      if (typeof value === 'string' && value.trim()) params.set(key, value.trim());
    params.set('limit', '50');
    try {
      const page = await api<{ traces: TraceSummary[]; total: number }>('GET', `/api/traces?${params}`);
      this.results.replaceChildren(
        h('p', { class: 'hint' }, `${page.total} run${page.total === 1 ? '' : 's'}`),
        h(
          'table',
          {},
          h('thead', {}, h('tr', {}, ...['When', 'Seller', 'Status', 'Steps', 'Tools'].map((t) => h('th', {}, t)))),
          h('tbody', {}, ...page.traces.map((t) => this.row(t))),
        ),
      );
    } catch (e) {
      this.results.replaceChildren(h('p', { class: 'error', role: 'alert' }, (e as Error).message));
    }
  }

  private row(t: TraceSummary): HTMLElement {
    return h(
      'tr',
      {
        class: 'trace-row',
        'data-testid': 'trace-row',
        'data-trace-id': t.traceId,
        tabindex: 0,
        onclick: () => void this.open(t.traceId),
        onkeydown: (e) => (e as KeyboardEvent).key === 'Enter' && void this.open(t.traceId),
      },
      h('td', { class: 'when' }, time(t.createdAt)),
      h('td', {}, t.sellerId),
      h(
        'td',
        {},
        h('span', { class: `badge ${t.status}` }, t.status.replace('_', ' ')),
        t.stopReason ? ` ${t.stopReason}` : '',
        t.denials ? h('span', { class: 'badge stopped', title: 'Policy denials' }, `${t.denials} denied`) : '',
      ),
      h('td', {}, t.steps),
      h('td', { class: 'tools' }, t.tools.join(', ')),
    );
  }

  private async open(traceId: string): Promise<void> {
    history.replaceState(null, '', `#trace=${traceId}`);
    for (const row of this.results.querySelectorAll('.trace-row'))
      row.classList.toggle('selected', (row as HTMLElement).dataset.traceId === traceId);
    this.detail.replaceChildren(h('p', { class: 'hint' }, 'Loading…'));
    let view: TraceDetail;
    try {
      view = await api<TraceDetail>('GET', `/api/traces/${traceId}`);
    } catch (e) {
      this.detail.replaceChildren(h('p', { class: 'error', role: 'alert' }, (e as Error).message));
      return;
    }
    const replayOutcome = h('div', { class: 'replay', 'data-testid': 'replay-outcome', 'aria-live': 'polite' });
    const replayButton = h('button', { type: 'button', class: 'primary', 'data-testid': 'replay' }, 'Replay');
    replayButton.addEventListener('click', () => void this.replay(traceId, replayButton, replayOutcome));
    this.detail.replaceChildren(
      h('h2', {}, `Run ${view.runId}`),
      h(
        'dl',
        { class: 'facts' },
        ...[
          ['Trace', view.traceId],
          ['Seller', view.sellerId],
          ['Conversation', view.conversationId],
          ['Status', `${view.status}${view.stopReason ? ` (${view.stopReason})` : ''}`],
          ['Model', `${view.model} · prompt ${view.promptVersion}`],
          [
            'Steps',
            `${view.steps} · ${view.usage.modelCalls} model calls · ${view.usage.inputTokens + view.usage.outputTokens} tokens`,
          ],
          ['Duration', `${view.durationMs} ms`],
        ].flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]),
      ),
      view.reply ? h('blockquote', {}, view.reply) : '',
      h(
        'div',
        { class: 'actions' },
        replayButton,
        view.langfuseUrl
          ? h(
              'a',
              { href: view.langfuseUrl, target: '_blank', rel: 'noopener', 'data-testid': 'langfuse-link' },
              'Open in Langfuse',
            )
          : '',
      ),
      replayOutcome,
      h(
        'ol',
        { class: 'timeline', 'data-testid': 'timeline' },
        ...view.timeline.map((event) => timelineEntry(event, view.startedAt)),
      ),
    );
  }

  private async replay(traceId: string, button: HTMLButtonElement, outcome: HTMLElement): Promise<void> {
    button.disabled = true;
    outcome.replaceChildren(h('p', { class: 'hint' }, 'Replaying against the current code…'));
    try {
      const report = await api<ReplayReport>('POST', `/api/traces/${traceId}/replay`);
      const first = report.divergences[0];
      outcome.dataset.identical = String(report.identical);
      outcome.replaceChildren(
        report.identical
          ? h(
              'p',
              { class: 'ok' },
              `Identical: the current code made the same ${report.modelCalls.replayed} model calls, tool calls and decisions.`,
            )
          : h('p', { class: 'warning' }, `Diverged at step ${first?.step} (${first?.kind}): ${first?.message}`),
      );
    } catch (e) {
      outcome.replaceChildren(h('p', { class: 'error', role: 'alert' }, (e as Error).message));
    } finally {
      button.disabled = false;
    }
  }
}

const root = document.getElementById('app')!;
const session = await requireSupport(root, 'Support sign-in');
if (session) {
  try {
    await new SupportPage(root, session.userId).start();
  } catch (e) {
    root.append(h('p', { class: 'error' }, e instanceof ApiError ? e.message : 'The support page failed to load.'));
  }
}
