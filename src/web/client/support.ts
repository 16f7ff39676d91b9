import { api, ApiError } from './api.js';
import { clear, counted, h, time } from './dom.js';
import { errorView, signOutButton } from './signIn.js';
import { copyButton } from './copyButton.js';
import { pager } from './pager.js';
import { requireSupport } from './supportGate.js';
import { runTree } from './timelineView.js';
import { argsInWords, asSellerSees, folded, imageView, plainText, rawJson } from './payloadText.js';
import type { TraceSummary } from '../../store/traceRepository.js';
import type { RunTreeView } from '../../tracing/runTree.js';
import type { ReplayReport } from '../../replay/replay.js';

type TraceDetail = RunTreeView & { langfuseUrl?: string };
type Summary = TraceSummary & { costUsd: number | null };
type Page = { traces: Summary[]; total: number };

const STATUSES = ['', 'completed', 'awaiting_approval', 'stopped', 'running'];
const TOOLS = ['', 'getListing', 'searchSimilar', 'createListing', 'updatePrice'];
/** A conversation view shows at most this many runs (the API's page limit), the latest ones. */
const CONVERSATION_RUNS = 200;
const PREVIEW = 140;
/** Runs per page of results (the API allows up to 200; 50 keep the list quick to read and to draw). */
const PAGE_SIZE = 50;
const RUNS: [string, string] = ['run', 'runs'];

const field = (label: string, control: HTMLElement) => h('label', {}, label, control);
const select = (name: string, options: string[]) =>
  h('select', { name }, ...options.map((o) => h('option', { value: o }, o || 'any')));
const clip = (text: string, max = PREVIEW) => (text.length > max ? `${text.slice(0, max)}…` : text);
const runLink = (t: { traceId: string; runId: string }) =>
  h('a', { href: `#trace=${t.traceId}`, class: 'id', 'data-testid': 'run-link' }, t.runId);
const conversationLink = (id: string) =>
  h('a', { href: `#conversation=${id}`, class: 'id', 'data-testid': 'conversation-link' }, id);
/** Cost in USD from the price table; "unknown" for a model without a price, never a made-up zero. */
const cost = (usd: number | null) =>
  usd === null ? 'cost unknown' : usd === 0 ? '$0' : usd < 0.01 ? `$${usd.toFixed(4)}` : `$${usd.toFixed(2)}`;
const ms = (value: number) => (value < 10_000 ? `${value} ms` : `${(value / 1000).toFixed(1)} s`);
/** What each stop reason means for support: the badge says it on hover. */
const STOP_REASONS: Record<string, string> = {
  max_steps: 'Stopped at the step limit (AGENT_MAX_STEPS) before an answer.',
  timeout: 'Stopped at the run time limit (AGENT_RUN_TIMEOUT_MS).',
  model_error: 'The model failed or answered something unusable; the seller was asked to try again.',
  loop_detected: 'The model repeated the same tool call, so the run was stopped.',
  cancelled: "Replaced by the seller's next message, or its approval expired: nothing was written for it.",
  interrupted: 'Its instance stopped mid-run (crash or restart) before every approval was decided.',
  storage_error: 'The database failed during the run; the seller was asked to try again.',
};
// A run the seller replaced is normal flow, not a failure: it is not shown in the failure colour.
const statusBadge = (status: string, stopReason: string | null) =>
  h(
    'span',
    {
      class: `badge ${status}${stopReason === 'cancelled' ? ' cancelled' : ''}`,
      ...(stopReason ? { title: STOP_REASONS[stopReason] ?? stopReason } : {}),
    },
    status.replace('_', ' '),
    stopReason ? ` · ${stopReason}` : '',
  );

/** Support's trace viewer: find runs by the words used, read one as a tree, a conversation as its runs. */
class SupportPage {
  private readonly results = h('div', { class: 'results', 'data-testid': 'trace-results' });
  private readonly detail = h(
    'section',
    { class: 'detail', 'data-testid': 'trace-detail' },
    h('p', { class: 'hint' }, 'Open a run or a conversation from the list to read it here.'),
  );
  /** Every filter but the words: on a phone they fold behind `moreToggle`, so the runs show on the first screen. */
  private readonly more = h(
    'div',
    { class: 'more', id: 'more-filters' },
    field('Seller', h('input', { name: 'userId', placeholder: 'seller-1' })),
    field('Conversation', h('input', { name: 'conversationId', placeholder: 'conv_…' })),
    field('Status', select('status', STATUSES)),
    field('Tool', select('tool', TOOLS)),
    // The browser's local time; sent as instants (the API's from/to), so a range means the same to everyone.
    field('From', h('input', { name: 'from', type: 'datetime-local', step: 1 })),
    field('To', h('input', { name: 'to', type: 'datetime-local', step: 1 })),
    h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'denied', value: 'true' }), 'Policy denial'),
  );
  private readonly moreToggle = h('button', {
    type: 'button',
    class: 'secondary more-toggle',
    'aria-controls': 'more-filters',
    'aria-expanded': 'false',
    onclick: () => this.fold(this.form.classList.contains('folded') ? 'open' : 'fold'),
  });
  private readonly form = h(
    'form',
    {
      class: 'filters card folded',
      onsubmit: (e) => (e.preventDefault(), void this.search(0)),
      onchange: () => this.fold(),
    },
    field('Words', h('input', { name: 'q', type: 'search', placeholder: 'what the seller or assistant said' })),
    this.more,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Search'), this.moreToggle),
  );
  /** Where the shown page starts in the results of the last search. */
  private offset = 0;

  constructor(
    private readonly root: HTMLElement,
    private readonly userId: string,
  ) {}

  async start(): Promise<void> {
    clear(this.root);
    this.root.append(
      h(
        'header',
        { class: 'top support-top' },
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
    addEventListener('hashchange', () => void this.route());
    this.fold();
    await this.search();
    await this.route();
  }

  /**
   * Opens or folds the filters past the words (only a phone's layout hides them), or with no argument
   * just recounts: the toggle says how many are set, so a folded filter still narrowing the list is seen.
   */
  private fold(to?: 'open' | 'fold'): void {
    if (to) this.form.classList.toggle('folded', to === 'fold');
    const open = !this.form.classList.contains('folded');
    const set = [...new FormData(this.form)].filter(([k, v]) => k !== 'q' && typeof v === 'string' && v.trim()).length;
    this.moreToggle.setAttribute('aria-expanded', String(open));
    this.moreToggle.textContent = `${open ? 'Fewer' : 'More'} filters${set ? ` (${set} set)` : ''}`;
  }

  /** `#trace=…` opens a run, `#conversation=…` a conversation: ids are links, and links can be shared. */
  private async route(): Promise<void> {
    const hash = new URLSearchParams(location.hash.slice(1));
    const trace = hash.get('trace');
    const conversation = hash.get('conversation');
    if (trace) await this.open(trace);
    else if (conversation) await this.conversation(conversation);
  }

  private async search(offset = this.offset): Promise<void> {
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(this.form)) {
      if (typeof value !== 'string' || !value.trim()) continue;
      if (key === 'from' || key === 'to') {
        const at = new Date(value);
        if (Number.isNaN(at.getTime())) continue;
        params.set(key, at.toISOString());
      } else params.set(key, value.trim());
    }
    params.set('limit', String(PAGE_SIZE));
    params.set('offset', String(offset));
    try {
      const page = await api<Page>('GET', `/api/traces?${params}`);
      this.offset = offset;
      const at = {
        offset,
        shown: page.traces.length,
        total: page.total,
        size: PAGE_SIZE,
        noun: RUNS,
        turn: this.turnTo,
      };
      const top = pager(at);
      if (!page.traces.length) {
        top.querySelector('[data-testid="result-count"]')!.textContent =
          offset > 0 ? 'No more runs.' : 'No runs match: clear a filter or widen the time range.';
        this.results.replaceChildren(top);
        return;
      }
      this.results.replaceChildren(
        top,
        h(
          'table',
          {},
          h('thead', {}, h('tr', {}, ...['When', 'What was said', 'Outcome'].map((t) => h('th', {}, t)))),
          h('tbody', {}, ...page.traces.map((t) => this.row(t))),
        ),
        page.traces.length > 10 ? pager(at, false) : '',
      );
    } catch (e) {
      this.results.replaceChildren(errorView(e));
    }
  }

  /** Another page of the same search, read from its top. */
  private readonly turnTo = (offset: number): void =>
    void this.search(offset).then(() => this.results.scrollIntoView({ block: 'start' }));

  private row(t: Summary): HTMLElement {
    return h(
      'tr',
      {
        class: 'trace-row',
        'data-testid': 'trace-row',
        'data-trace-id': t.traceId,
        tabindex: 0,
        onclick: (e) => !(e.target as Element).closest('a') && void this.show(`trace=${t.traceId}`),
        onkeydown: (e) => (e as KeyboardEvent).key === 'Enter' && void this.show(`trace=${t.traceId}`),
      },
      h('td', { class: 'when' }, time(t.createdAt), h('br'), t.sellerId),
      h(
        'td',
        { class: 'said' },
        h('p', { class: 'seller-words', 'data-testid': 'seller-words' }, clip(t.message) || '(no text)'),
        t.reply ? h('p', { class: 'reply-words', 'data-testid': 'reply-words' }, clip(plainText(t.reply))) : '',
        h('p', { class: 'ids' }, runLink(t), ' · ', conversationLink(t.conversationId)),
      ),
      h(
        'td',
        { class: 'outcome' },
        statusBadge(t.status, t.stopReason),
        t.denials ? h('span', { class: 'badge stopped', title: 'Policy denials' }, `${t.denials} denied`) : '',
        h('br'),
        h('span', { class: 'figures' }, `${t.steps} steps · ${cost(t.costUsd)}`),
        t.tools.length ? h('span', { class: 'tools' }, h('br'), t.tools.join(', ')) : '',
      ),
    );
  }

  /** Opens through the address, so the back button and a shared link lead to the same view. */
  private async show(hash: string): Promise<void> {
    if (location.hash.slice(1) === hash) return this.route();
    location.hash = hash;
  }

  private async open(traceId: string): Promise<void> {
    for (const row of this.results.querySelectorAll('.trace-row'))
      row.classList.toggle('selected', (row as HTMLElement).dataset.traceId === traceId);
    this.detail.replaceChildren(h('p', { class: 'hint' }, 'Loading…'));
    let view: TraceDetail;
    try {
      view = await api<TraceDetail>('GET', `/api/traces/${traceId}`);
    } catch (e) {
      this.detail.replaceChildren(errorView(e));
      return;
    }
    const replayOutcome = h('div', { class: 'replay', 'data-testid': 'replay-outcome', 'aria-live': 'polite' });
    const replayButton = h('button', { type: 'button', class: 'primary', 'data-testid': 'replay' }, 'Replay');
    replayButton.addEventListener('click', () => void this.replay(traceId, replayButton, replayOutcome));
    const { tree: _tree, timeline: _timeline, ...facts } = view;
    this.detail.replaceChildren(
      h('h2', {}, `Run ${view.runId}`),
      this.story(view),
      h(
        'dl',
        { class: 'facts' },
        ...(
          [
            ['Conversation', conversationLink(view.conversationId)],
            ['Seller', view.sellerId],
            ['Status', statusBadge(view.status, view.stopReason)],
            ['Model', `${view.model} · prompt ${view.promptVersion}`],
            [
              'Steps',
              `${view.steps} · ${counted(view.usage.modelCalls, 'model call')} · ${counted(view.usage.inputTokens + view.usage.outputTokens, 'token')}`,
            ],
            ['Assistant time', ms(view.activeMs)],
            ['Waiting for seller', view.waitingMs ? ms(view.waitingMs) : 'none'],
            ['Started', time(view.startedAt)],
            ['Trace', traceIdView(view.traceId)],
          ] as [string, string | Node][]
        ).flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]),
      ),
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
      h('div', { class: 'legend-bars' }, ...['model', 'tool', 'policy', 'approval', 'waiting'].map(legend)),
      runTree(view),
      rawJson(facts, 'Raw JSON of the run'),
    );
  }

  /** What the seller said and what the assistant chose, in plain words, before any detail. */
  private story(view: TraceDetail): HTMLElement {
    const input = (view.input ?? {}) as { text?: unknown };
    const chosen = view.tree
      .flatMap((n) => n.children)
      .filter((n) => n.kind === 'tool')
      .map((n) => n.event as { tool: string; arguments: unknown });
    const requested = view.tree
      .flatMap((n) => n.children)
      .filter((n) => n.kind === 'approval' && (n.event as { event: string }).event === 'requested')
      .map((n) => (n.event as { summary: string }).summary);
    return h(
      'div',
      { class: 'story', 'data-testid': 'run-story' },
      h(
        'div',
        { class: 'said seller' },
        h('h3', {}, 'The seller wrote'),
        folded(typeof input.text === 'string' ? input.text : ''),
        view.sellerImages.length ? h('div', { class: 'images' }, ...view.sellerImages.map(imageView)) : '',
      ),
      h(
        'div',
        { class: 'said assistant' },
        h('h3', {}, 'The assistant'),
        chosen.length
          ? h('ul', { class: 'choices' }, ...chosen.map((c) => h('li', {}, `${c.tool}: ${argsText(c.arguments)}`)))
          : '',
        requested.length && !view.reply
          ? h('p', {}, h('strong', {}, 'Asked the seller to confirm: '), requested.join('; '))
          : '',
        view.reply
          ? h('blockquote', { class: 'reply', 'data-testid': 'run-reply' }, asSellerSees(view.reply))
          : h('p', { class: 'hint' }, view.status === 'awaiting_approval' ? 'Waiting for the seller.' : 'No reply.'),
      ),
    );
  }

  /** A conversation's runs in order (Langfuse's sessions): what the seller said and what came back, each. */
  private async conversation(id: string): Promise<void> {
    this.detail.replaceChildren(h('p', { class: 'hint' }, 'Loading…'));
    let page: Page;
    try {
      page = await api<Page>(
        'GET',
        `/api/traces?${new URLSearchParams({ conversationId: id, limit: String(CONVERSATION_RUNS) })}`,
      );
    } catch (e) {
      this.detail.replaceChildren(errorView(e));
      return;
    }
    const runs = [...page.traces].reverse();
    this.detail.replaceChildren(
      h('h2', {}, `Conversation ${id}`),
      h(
        'p',
        { class: 'hint' },
        `${runs[0]?.sellerId ?? ''} · ${page.total} run${page.total === 1 ? '' : 's'}`,
        page.total > runs.length ? ` (the latest ${runs.length} shown)` : '',
        ` · ${cost(runs.some((r) => r.costUsd === null) ? null : runs.reduce((s, r) => s + (r.costUsd ?? 0), 0))}`,
      ),
      h(
        'ol',
        { class: 'conversation-runs', 'data-testid': 'conversation-runs' },
        ...runs.map((r) =>
          h(
            'li',
            { class: 'card', 'data-testid': 'conversation-run', 'data-trace-id': r.traceId },
            h('p', { class: 'meta' }, time(r.createdAt), ' · ', statusBadge(r.status, r.stopReason), ' · ', runLink(r)),
            h('p', {}, h('strong', {}, 'Seller: '), folded(r.message)),
            r.reply ? h('blockquote', {}, asSellerSees(r.reply)) : '',
          ),
        ),
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
              `Identical: the current code made the same model calls (${report.modelCalls.replayed}), tool calls and decisions.`,
            )
          : h('p', { class: 'warning' }, `Diverged at step ${first?.step} (${first?.kind}): ${first?.message}`),
      );
    } catch (e) {
      outcome.replaceChildren(errorView(e));
    } finally {
      button.disabled = false;
    }
  }
}

/** The trace id, with a button to copy it: support pastes it into tickets, `npm run trace` and Langfuse. */
function traceIdView(traceId: string): HTMLElement {
  const id = h('span', { class: 'id', 'data-testid': 'trace-id' }, traceId);
  return h('span', {}, id, ' ', copyButton(traceId, 'trace id', id));
}

function legend(kind: string): HTMLElement {
  return h(
    'span',
    { class: 'legend' },
    h('span', { class: `swatch ${kind}` }),
    kind === 'waiting' ? 'waiting for seller' : kind,
  );
}

function argsText(args: unknown): string {
  const text = argsInWords(args);
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
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
