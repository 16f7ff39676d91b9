import { api } from './api.js';
import { clear, h, time } from './dom.js';
import { requireSupport } from './supportGate.js';
import { errorView } from './signIn.js';
import { asSellerSees } from './payloadText.js';
import { pager } from './pager.js';
import type { ReviewItemView } from '../../feedback/reviewItemView.js';

interface Promotion {
  scenarioId: string;
  path: string;
  warnings: string[];
}

const REASONS: Record<string, string> = {
  thumbs_down: 'thumbs down',
  correction: 'seller corrected',
  sampled: 'sampled',
};

/** The annotation queue: label queued runs good or bad, and promote them to eval scenarios. */
/** Items per page of the queue (the API's page limit). */
const PAGE_SIZE = 50;
const ITEMS: [string, string] = ['item', 'items'];

class ReviewPage {
  private readonly list = h('div', { class: 'review-list', 'data-testid': 'review-list' });
  private readonly filters = h(
    'form',
    { class: 'filters card', onsubmit: (e) => (e.preventDefault(), void this.load()) },
    h(
      'label',
      {},
      'Status',
      h(
        'select',
        { name: 'status' },
        h('option', { value: 'open' }, 'open'),
        h('option', { value: 'labelled' }, 'labelled'),
        h('option', { value: '' }, 'any'),
      ),
    ),
    h(
      'label',
      {},
      'Reason',
      h(
        'select',
        { name: 'reason' },
        h('option', { value: '' }, 'any'),
        ...Object.entries(REASONS).map(([v, t]) => h('option', { value: v }, t)),
      ),
    ),
    h('button', { type: 'submit', class: 'primary' }, 'Show'),
  );

  constructor(private readonly root: HTMLElement) {}

  async start(): Promise<void> {
    clear(this.root);
    this.root.append(
      h(
        'header',
        { class: 'top support-top' },
        h('h1', {}, 'Support · review queue'),
        h('a', { href: '/support' }, 'Runs'),
        h('a', { href: '/support/dashboard' }, 'Dashboard'),
      ),
      this.filters,
      this.list,
    );
    await this.load();
  }

  /** Another page of the queue, read from its top. */
  private readonly turnTo = (offset: number): void =>
    void this.load(offset).then(() => this.list.scrollIntoView({ block: 'start' }));

  /** Shows the page of the queue starting at `offset` (a new filter starts at the first). */
  private async load(offset = 0): Promise<void> {
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(this.filters)) if (typeof v === 'string' && v) params.set(k, v);
    params.set('limit', String(PAGE_SIZE));
    params.set('offset', String(offset));
    try {
      const page = await api<{ items: ReviewItemView[]; total: number }>('GET', `/api/review?${params}`);
      const at = {
        offset,
        shown: page.items.length,
        total: page.total,
        size: PAGE_SIZE,
        noun: ITEMS,
        turn: this.turnTo,
      };
      this.list.replaceChildren(
        pager(at),
        ...page.items.map((item) => this.card(item)),
        page.items.length > 10 ? pager(at, false) : '',
      );
    } catch (e) {
      this.list.replaceChildren(errorView(e));
    }
  }

  private card(item: ReviewItemView): HTMLElement {
    const outcome = h('div', { class: 'outcome', 'data-testid': 'review-outcome', 'aria-live': 'polite' });
    const note = h('input', {
      type: 'text',
      name: 'note',
      placeholder: 'Note (optional)',
      maxlength: 2000,
      value: item.note ?? '',
      'aria-label': 'Note',
    });
    const promote = h(
      'button',
      {
        type: 'button',
        class: 'secondary',
        'data-testid': 'promote',
        disabled: !item.label || !!item.promotedScenario,
      },
      'Promote to eval scenario',
    );
    const label = async (value: 'good' | 'bad') => {
      try {
        const updated = await api<ReviewItemView>('POST', `/api/review/${item.id}/label`, {
          label: value,
          ...(note.value.trim() ? { note: note.value.trim() } : {}),
        });
        card.replaceWith(this.card(updated));
      } catch (e) {
        outcome.replaceChildren(errorView(e));
      }
    };
    const promoteItem = async () => {
      promote.disabled = true;
      try {
        const p = await api<Promotion>('POST', `/api/review/${item.id}/promote`);
        outcome.replaceChildren(
          h(
            'p',
            { class: 'ok', 'data-testid': 'promoted' },
            `Promoted as scenario ${p.scenarioId} (${p.path}); npm run evals now runs it.`,
          ),
          ...p.warnings.map((w) => h('p', { class: 'warning' }, w)),
        );
      } catch (e) {
        outcome.replaceChildren(errorView(e));
      }
    };
    promote.addEventListener('click', () => void promoteItem());
    const card = h(
      'article',
      { class: `card review-item ${item.label ?? ''}`, 'data-testid': 'review-item', 'data-run-id': item.runId },
      h(
        'p',
        { class: 'meta' },
        ...item.reasons.map((r) => h('span', { class: `badge reason-${r}` }, REASONS[r] ?? r)),
        ` ${item.sellerId} · prompt ${item.promptVersion} · ${item.model} · ${time(item.runCreatedAt)} · `,
        h('a', { href: `/support#trace=${item.traceId}` }, 'run'),
        ' · ',
        h('a', { href: `/support#conversation=${item.conversationId}` }, 'conversation'),
      ),
      h('p', {}, h('strong', {}, 'Seller: '), item.sellerMessage),
      item.reply
        ? h('blockquote', { 'data-testid': 'review-reply' }, asSellerSees(item.reply))
        : h('p', { class: 'hint' }, `No reply (${item.runStatus}${item.stopReason ? `, ${item.stopReason}` : ''}).`),
      item.feedback
        ? h(
            'p',
            {},
            `Feedback: ${item.feedback.value > 0 ? 'helpful' : 'not helpful'}${item.feedback.comment ? ` — “${item.feedback.comment}”` : ''}`,
          )
        : '',
      ...item.corrections.map((c) =>
        h(
          'details',
          { class: 'correction' },
          h(
            'summary',
            {},
            `Correction (${c.kind}) of ${c.tool}${c.changedFields.length ? `: ${c.changedFields.join(', ')} changed` : ''}${c.message ? ` — “${c.message}”` : ''}`,
          ),
          h('pre', {}, JSON.stringify({ before: c.before, after: c.after }, null, 2)),
        ),
      ),
      item.label
        ? h(
            'p',
            { 'data-testid': 'review-label' },
            `Labelled ${item.label} by ${item.reviewer}${item.note ? `: ${item.note}` : ''}`,
          )
        : '',
      item.promotedScenario ? h('p', { class: 'ok' }, `Promoted: ${item.promotedScenario}`) : '',
      h(
        'div',
        { class: 'actions' },
        note,
        h(
          'button',
          { type: 'button', class: 'secondary', disabled: !!item.promotedScenario, onclick: () => void label('good') },
          'Good',
        ),
        h(
          'button',
          { type: 'button', class: 'danger', disabled: !!item.promotedScenario, onclick: () => void label('bad') },
          'Bad',
        ),
        promote,
      ),
      outcome,
    );
    return card;
  }
}

const root = document.getElementById('app')!;
if (await requireSupport(root, 'Support sign-in')) await new ReviewPage(root).start();
