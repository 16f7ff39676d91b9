import type { PendingApproval } from './api.js';
import { argText } from '../../shared/argText.js';
import { euro, h, time } from './dom.js';

export type Decision = { decision: 'approve' } | { decision: 'reject'; message?: string };

const FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  description: 'Description',
  category: 'Category',
  price: 'Price',
  condition: 'Condition',
  listingId: 'Listing',
};

/**
 * The exact action a write will perform, built by the server from the
 * arguments (never from model text), with Confirm and Cancel. Cancel asks for
 * an optional message that goes back to the assistant.
 */
export function approvalCard(approval: PendingApproval, decide: (d: Decision) => Promise<void>): HTMLElement {
  const rows = Object.entries(approval.arguments).map(([key, value]) =>
    h(
      'tr',
      {},
      h('th', {}, FIELD_LABELS[key] ?? key),
      h('td', {}, typeof value === 'number' && /price/i.test(key) ? euro(value) : argText(value)),
    ),
  );
  const actions = h('div', { class: 'actions' });
  const card = h(
    'section',
    {
      class: 'card approval',
      'data-testid': 'approval-card',
      'data-tool': approval.tool,
      'data-approval-id': approval.approvalId,
    },
    h('h3', {}, approval.tool === 'createListing' ? 'Post this listing?' : 'Change this price?'),
    h('p', { class: 'summary', 'data-testid': 'approval-summary' }, approval.summary),
    h('table', { class: 'arguments' }, ...rows),
    h('p', { class: 'hint' }, `This request expires ${time(approval.expiresAt)}.`),
    actions,
  );
  const settle = (label: string) => {
    card.classList.add('decided');
    actions.replaceChildren(h('p', { class: 'decided-label', 'data-testid': 'approval-outcome' }, label));
  };
  const run = async (d: Decision) => {
    for (const el of actions.querySelectorAll('button, input')) (el as HTMLButtonElement).disabled = true;
    settle(d.decision === 'approve' ? 'Confirmed' : 'Cancelled');
    await decide(d);
  };
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
            void run({ decision: 'reject', message: message.value.trim() || undefined })
          ),
        },
        message,
        h('button', { type: 'submit', class: 'danger' }, 'Cancel request'),
        h(
          'button',
          { type: 'button', class: 'secondary', onclick: () => actions.replaceChildren(...buttons()) },
          'Back',
        ),
      ),
    );
    message.focus();
  };
  const buttons = () => [
    h('button', { type: 'button', class: 'primary', onclick: () => void run({ decision: 'approve' }) }, 'Confirm'),
    h('button', { type: 'button', class: 'secondary', onclick: showCancel }, 'Cancel'),
  ];
  actions.append(...buttons());
  return card;
}
