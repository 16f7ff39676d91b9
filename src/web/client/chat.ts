import { api, streamRun, type PendingApproval, type RunEvent, type RunResult } from './api.js';
import { approvalCard, type Decision } from './approvalCard.js';
import { clear, h } from './dom.js';
import { DraftPanel } from './draftCard.js';
import { PhotoPicker } from './photo.js';
import { ReplyBubble } from './replyBubble.js';
import { signIn, signOutButton, type Session } from './signIn.js';

/** Longer than the server's run budget, so the server's own timeout answer normally arrives first. */
const CLIENT_TIMEOUT_MS = 120_000;

interface ConversationView {
  id: string;
  messages: { role: 'seller' | 'assistant' | 'tool'; text: string; images?: number }[];
  latestRun: RunResult | null;
}

/** The seller's chat: one conversation at a time, streamed replies, approvals as cards. */
class Chat {
  private conversationId = '';
  private readonly log = h('div', { class: 'log', 'data-testid': 'log', 'aria-live': 'polite' });
  private readonly panel = new DraftPanel();
  private readonly text = h('textarea', {
    name: 'text',
    rows: 2,
    maxlength: 4000,
    placeholder: 'Describe what you are selling, or ask about one of your listings…',
    'aria-label': 'Message',
  });
  private readonly sendButton = h('button', { type: 'submit', class: 'primary' }, 'Send');
  private readonly composerError = h('p', { class: 'error', role: 'alert' });
  private readonly photo = new PhotoPicker((message) => (this.composerError.textContent = message));
  private busy = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly session: Session,
  ) {}

  async start(): Promise<void> {
    clear(this.root);
    const composer = h(
      'form',
      { class: 'composer', onsubmit: (e) => (e.preventDefault(), void this.send()) },
      this.photo.preview,
      h('div', { class: 'row' }, this.photo.input, this.photo.button, this.text, this.sendButton),
      this.composerError,
    );
    this.text.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey) {
        e.preventDefault();
        void this.send();
      }
    });
    this.root.append(
      h(
        'header',
        { class: 'top' },
        h('h1', {}, 'Listing assistant'),
        h('span', { class: 'who', 'data-testid': 'who' }, this.session.userId),
        h(
          'button',
          { type: 'button', class: 'secondary', onclick: () => void this.newConversation() },
          'New conversation',
        ),
        signOutButton(),
      ),
      h('div', { class: 'chat' }, h('section', { class: 'conversation' }, this.log, composer), this.panel.el),
    );
    await this.restore();
    this.text.focus();
  }

  private storageKey = () => `listing-assistant.conversation.${this.session.userId}`;

  private async restore(): Promise<void> {
    const saved = localStorage.getItem(this.storageKey());
    if (saved) {
      try {
        const view = await api<ConversationView>('GET', `/api/conversations/${saved}`);
        this.conversationId = view.id;
        for (const m of view.messages) {
          if (m.role === 'seller') this.log.append(sellerMessage(m.text, m.images ?? 0));
          if (m.role === 'assistant') this.log.append(ReplyBubble.settled(m.text).el);
        }
        for (const approval of view.latestRun?.pendingApprovals ?? [])
          this.showApproval(view.latestRun!.runId, approval);
        this.scroll();
        return;
      } catch {
        // A conversation that is gone (or another user's) is replaced by a new one.
      }
    }
    await this.newConversation();
  }

  private async newConversation(): Promise<void> {
    const { id } = await api<{ id: string }>('POST', '/api/conversations');
    this.conversationId = id;
    localStorage.setItem(this.storageKey(), id);
    clear(this.log);
    this.log.append(
      ReplyBubble.settled(
        'Hi! Tell me what you would like to sell — a short description is enough, and a photo helps. I can also re-price one of your listings.',
      ).el,
    );
  }

  private async send(): Promise<void> {
    const text = this.text.value.trim();
    if (!text || this.busy) return;
    this.composerError.textContent = '';
    const images = this.photo.take();
    this.text.value = '';
    // A new message replaces a run that was waiting for a decision (the server supersedes it).
    for (const card of this.log.querySelectorAll('.approval:not(.decided)')) {
      card.classList.add('decided');
      card
        .querySelector('.actions')
        ?.replaceChildren(h('p', { class: 'decided-label' }, 'Replaced by your new message'));
    }
    this.log.append(sellerMessage(text, images?.length ?? 0, images?.[0]));
    await this.run(`/api/conversations/${this.conversationId}/messages`, { text, ...(images ? { images } : {}) });
  }

  private async decide(runId: string, approval: PendingApproval, decision: Decision): Promise<void> {
    const label =
      decision.decision === 'approve'
        ? 'Confirmed.'
        : `Cancelled.${decision.decision === 'reject' && decision.message ? ` ${decision.message}` : ''}`;
    this.log.append(sellerMessage(label, 0));
    await this.run(`/api/runs/${runId}/decisions`, { approvalId: approval.approvalId, ...decision });
  }

  /** Streams one run segment into a new reply bubble; the composer is locked meanwhile. */
  private async run(path: string, body: unknown): Promise<void> {
    this.setBusy(true);
    const bubble = new ReplyBubble();
    this.log.append(bubble.el);
    this.scroll();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), CLIENT_TIMEOUT_MS);
    try {
      const result = await streamRun(path, body, (event) => this.onEvent(bubble, event), controller.signal);
      bubble.finish(result);
      for (const approval of result.pendingApprovals) this.showApproval(result.runId, approval);
    } catch (error) {
      bubble.fail(error);
    } finally {
      clearTimeout(timer);
      this.setBusy(false);
      this.scroll();
      this.text.focus();
    }
  }

  private onEvent(bubble: ReplyBubble, event: RunEvent): void {
    if (event.type === 'text_delta') bubble.delta(event.delta);
    else if (event.type === 'tool_call') bubble.progress(event.label);
    else if (event.type === 'tool_result') {
      if (event.comparables) this.panel.showComparables(event.comparables);
      if (event.listing && event.tool === 'createListing') {
        this.panel.showPosted(event.listing);
        bubble.note(postedNote('Your listing is live:', event.listing.id, event.listing.title));
      }
      if (event.listing && event.tool === 'updatePrice')
        bubble.note(postedNote('Price updated:', event.listing.id, event.listing.title));
    }
    this.scroll();
  }

  private showApproval(runId: string, approval: PendingApproval): void {
    if (this.log.querySelector(`[data-approval-id="${approval.approvalId}"]`)) return;
    if (approval.tool === 'createListing') this.panel.showDraft(approval.arguments);
    this.log.append(approvalCard(approval, (decision) => this.decide(runId, approval, decision)));
    this.scroll();
  }

  private setBusy(busy: boolean): void {
    this.busy = busy;
    this.sendButton.disabled = busy;
    this.root.classList.toggle('busy', busy);
    // A decision is taken once: other open approval cards wait while a run is in flight.
    for (const b of this.log.querySelectorAll<HTMLButtonElement>('.approval:not(.decided) button')) b.disabled = busy;
  }

  private scroll(): void {
    this.log.scrollTop = this.log.scrollHeight;
  }
}

function sellerMessage(text: string, images: number, preview?: string): HTMLElement {
  return h(
    'article',
    { class: 'message seller', 'data-testid': 'seller-message' },
    preview
      ? h('img', { src: preview, alt: 'Your photo', class: 'thumb' })
      : images
        ? h('span', { class: 'hint' }, `${images} photo${images > 1 ? 's' : ''} attached`)
        : null,
    h('div', { class: 'text' }, text),
  );
}

function postedNote(label: string, id: string, title: string): HTMLElement {
  return h(
    'p',
    { class: 'posted-note', 'data-testid': 'posted-note' },
    `${label} `,
    h('a', { href: `/listings/${id}` }, title),
  );
}

const root = document.getElementById('app')!;
const session = await signIn(root, 'Sell something');
if (session.role !== 'seller') {
  clear(root);
  root.append(
    h(
      'section',
      { class: 'card' },
      h('h1', {}, 'This page is for sellers'),
      h(
        'p',
        {},
        `You are signed in as ${session.userId} (${session.role}). `,
        h('a', { href: '/support' }, 'Open the support page'),
      ),
      signOutButton(),
    ),
  );
} else await new Chat(root, session).start();
