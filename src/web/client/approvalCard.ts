import type { PendingApproval } from './api.js';
import { argText } from '../../shared/argText.js';
import { CATEGORIES, CONDITIONS } from '../../domain/listing.js';
import { euro, h, time } from './dom.js';
import { photoStrip, storedPhotoUrl } from './photo.js';

export type Decision =
  { decision: 'approve'; arguments?: Record<string, unknown> } | { decision: 'reject'; message?: string };

/** How a decision went: settled, or refused with a message the card shows (the approval is still open). */
export type DecisionOutcome = { ok: true } | { ok: false; message: string };

/** The fields a seller may change before confirming, per tool. */
const EDITABLE: Record<string, string[]> = {
  createListing: ['title', 'description', 'category', 'condition', 'price'],
  updatePrice: ['price'],
};

const LABELS: Record<string, string> = {
  title: 'Title',
  description: 'Description',
  category: 'Category',
  condition: 'Condition',
  price: 'Price (€)',
};

/** An approval as the card shows it; a restored one may already be decided. */
export interface ApprovalView extends PendingApproval {
  status?: string;
  edited?: boolean;
}

const OUTCOMES: Record<string, string> = {
  approved: 'Confirmed',
  rejected: 'Cancelled',
  expired: 'Expired',
  superseded: 'Replaced by your next message',
};

/**
 * The exact action a write will perform, built by the server from the arguments (never from
 * model text): for a new listing, the listing as it will look. Confirm, Edit (change the fields,
 * then confirm the edited action in one step) or Cancel (with an optional message back to the
 * assistant). The draft lives here only, so it shows once.
 */
export function approvalCard(approval: ApprovalView, decide: (d: Decision) => Promise<DecisionOutcome>): HTMLElement {
  const a = approval.arguments;
  // The photos the listing will show are the ones the action names (the seller's own, checked by the server).
  const photoIds = Array.isArray(a.photoIds) ? a.photoIds.filter((id): id is string => typeof id === 'string') : [];
  const actions = h('div', { class: 'actions' });
  const error = h('p', { class: 'error', role: 'alert', 'data-testid': 'approval-error' });
  const isDraft = approval.tool === 'createListing';
  const card = h(
    'section',
    {
      class: 'card approval',
      'data-testid': 'approval-card',
      'data-tool': approval.tool,
      'data-approval-id': approval.approvalId,
      // Named by its heading: a region a screen reader can jump to.
      'aria-labelledby': `${approval.approvalId}-heading`,
    },
    h('h3', { id: `${approval.approvalId}-heading` }, isDraft ? 'Your draft: post it?' : 'Change this price?'),
    isDraft
      ? // The draft as it will be posted, field by field: the one place the chat shows it (read aloud as is).
        h(
          'div',
          { class: 'preview', 'data-testid': 'approval-summary' },
          photoIds.length
            ? photoStrip(
                photoIds.map((id) => ({ url: storedPhotoUrl(id) })),
                argText(a.title),
              )
            : null,
          h(
            'div',
            { 'data-testid': 'draft-card' },
            h('p', { class: 'title', 'data-testid': 'draft-title' }, argText(a.title)),
            h('p', { class: 'meta' }, [a.category, a.condition].filter(Boolean).map(argText).join(' · ')),
            h('p', { class: 'price', 'data-testid': 'draft-price' }, typeof a.price === 'number' ? euro(a.price) : ''),
            h('p', { class: 'description' }, argText(a.description)),
          ),
        )
      : h('p', { class: 'summary', 'data-testid': 'approval-summary' }, approval.summary),
    approval.status && approval.status !== 'pending'
      ? null
      : h(
          'p',
          { class: 'hint', 'data-testid': 'approval-expiry' },
          `This request expires ${time(approval.expiresAt)}.`,
        ),
    error,
    actions,
  );
  const settle = (label: string) => {
    card.classList.add('decided');
    actions.replaceChildren(h('p', { class: 'decided-label', 'data-testid': 'approval-outcome' }, label));
  };
  if (approval.status && approval.status !== 'pending') {
    settle(`${OUTCOMES[approval.status] ?? approval.status}${approval.edited ? ' with your changes' : ''}`);
    return card;
  }
  const run = async (d: Decision, label: string) => {
    error.textContent = '';
    const previous = [...actions.childNodes];
    for (const el of actions.querySelectorAll('button, input, select, textarea'))
      (el as HTMLButtonElement).disabled = true;
    settle(label);
    const outcome = await decide(d);
    if (outcome.ok) return;
    // Refused (e.g. an edit the rules do not allow): the approval is still open, so is the card.
    card.classList.remove('decided');
    actions.replaceChildren(...previous);
    for (const el of actions.querySelectorAll('button, input, select, textarea'))
      (el as HTMLButtonElement).disabled = false;
    error.textContent = outcome.message;
  };
  // Back to the three buttons, focus on the one that opened the form: a keyboard user goes on from there.
  const back = (from: string) => {
    const all = buttons();
    actions.replaceChildren(...all);
    (all.find((b) => b.textContent === from) ?? all[0])?.focus();
  };
  // Escape leaves an open form as Back does.
  actions.addEventListener('keydown', (e) => {
    const form = actions.querySelector('form');
    if (e.key !== 'Escape' || !form) return;
    e.preventDefault();
    back(form.classList.contains('edit') ? 'Edit' : 'Cancel');
  });
  const showCancel = () => {
    const message = h('input', {
      type: 'text',
      name: 'message',
      placeholder: 'What should change? (optional)',
      maxlength: 1000,
      'aria-label': 'Message to the assistant',
    });
    actions.replaceChildren(
      h(
        'form',
        {
          class: 'cancel',
          onsubmit: (e) => (
            e.preventDefault(),
            void run({ decision: 'reject', message: message.value.trim() || undefined }, 'Cancelled')
          ),
        },
        message,
        h(
          'div',
          { class: 'buttons' },
          h('button', { type: 'submit', class: 'danger' }, 'Cancel request'),
          h('button', { type: 'button', class: 'secondary', onclick: () => back('Cancel') }, 'Back'),
        ),
      ),
    );
    message.focus();
  };
  const showEdit = () => {
    const fields = (EDITABLE[approval.tool] ?? []).filter((k) => k in a || k === 'price');
    const controls = new Map(fields.map((k) => [k, editControl(k, a[k])]));
    actions.replaceChildren(
      h(
        'form',
        {
          class: 'edit',
          'data-testid': 'approval-edit',
          onsubmit: (e) => {
            e.preventDefault();
            const changed: Record<string, unknown> = {};
            for (const [key, control] of controls) {
              const value = key === 'price' ? Number(control.value) : control.value.trim();
              if (key === 'price' ? value !== a[key] : value !== argText(a[key])) changed[key] = value;
            }
            const decision: Decision = Object.keys(changed).length
              ? { decision: 'approve', arguments: changed }
              : { decision: 'approve' };
            void run(decision, decision.arguments ? 'Confirmed with your changes' : 'Confirmed');
          },
        },
        ...[...controls].map(([key, control]) => h('label', {}, LABELS[key] ?? key, control)),
        h(
          'div',
          { class: 'buttons' },
          h('button', { type: 'submit', class: 'primary' }, 'Confirm changes'),
          h('button', { type: 'button', class: 'secondary', onclick: () => back('Edit') }, 'Back'),
        ),
      ),
    );
    controls.values().next().value?.focus();
  };
  const buttons = (): HTMLButtonElement[] => [
    h(
      'button',
      { type: 'button', class: 'primary', onclick: () => void run({ decision: 'approve' }, 'Confirmed') },
      'Confirm',
    ),
    ...(EDITABLE[approval.tool]
      ? [h('button', { type: 'button', class: 'secondary', onclick: showEdit }, 'Edit')]
      : []),
    h('button', { type: 'button', class: 'secondary', onclick: showCancel }, 'Cancel'),
  ];
  actions.append(...buttons());
  return card;
}

/**
 * The seller's new message replaced this open request (the server supersedes it once it accepts the
 * message): the card says so as a restored one does, without a deadline or an error that no longer apply.
 */
export function supersede(card: Element): void {
  card.classList.add('decided');
  card.querySelector('[data-testid="approval-expiry"]')?.remove();
  card.querySelector('[data-testid="approval-error"]')?.replaceChildren();
  card
    .querySelector('.actions')
    ?.replaceChildren(h('p', { class: 'decided-label', 'data-testid': 'approval-outcome' }, OUTCOMES.superseded));
}

type Control = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

function editControl(key: string, value: unknown): Control {
  const name = { name: key };
  if (key === 'description') {
    const area = h('textarea', { ...name, rows: 4, maxlength: 4000 });
    area.value = argText(value);
    return area;
  }
  if (key === 'category' || key === 'condition') {
    const options: readonly string[] = key === 'category' ? CATEGORIES : CONDITIONS;
    const current = argText(value);
    const select = h(
      'select',
      name,
      ...[...new Set([current, ...options])].filter(Boolean).map((o) => h('option', { value: o }, o)),
    );
    select.value = current;
    return select;
  }
  if (key === 'price') {
    const input = h('input', { ...name, type: 'number', min: 0, step: '0.01', inputmode: 'decimal', required: true });
    input.value = typeof value === 'number' ? String(value) : '';
    return input;
  }
  const input = h('input', { ...name, type: 'text', maxlength: 120, required: true });
  input.value = argText(value);
  return input;
}
