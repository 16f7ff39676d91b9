import type { ConversationView } from '../../agent/conversationView.js';
import { api, ApiError, signedOut, streamRun, type PendingApproval, type RunEvent, type RunResult } from './api.js';
import { approvalCard, supersede, type ApprovalView, type Decision, type DecisionOutcome } from './approvalCard.js';
import { ConnectionNotice, unreachable } from './connectionNotice.js';
import { clear, euro, h } from './dom.js';
import { DraftPanel } from './draftCard.js';
import { PhotoPicker, showPhoto } from './photo.js';
import { ReplyBubble } from './replyBubble.js';
import { signIn, signInAgain, signOutButton, type Session } from './signIn.js';

/** The words a seller had not sent when the page went back to sign-in: the composer gets them back. */
const UNSENT_KEY = 'listing-assistant.unsent';

/** Longer than the server's run budget, so the server's own timeout answer normally arrives first. */
const CLIENT_TIMEOUT_MS = 120_000;

/** Errors that mean the seller's decision was not taken (the approval is still open): shown on its card. */
const REFUSED_DECISION = new Set(['invalid_arguments', 'edit_refused', 'bad_request', 'validation_error']);

type RunOutcome = { ok: true; result: RunResult } | { ok: false; error: unknown; bubble: ReplyBubble };

/**
 * The seller's chat: one conversation at a time, streamed replies, approvals as cards. What it
 * shows comes from the server's view of the current conversation (a reload restores it; a new
 * conversation starts empty), updated by the run events as they arrive.
 */
class Chat {
  private conversationId = '';
  // A log: new replies are read out as they arrive (politely), and a screen reader can find the conversation.
  private readonly log = h('div', {
    class: 'log',
    'data-testid': 'log',
    role: 'log',
    'aria-label': 'Conversation',
    'aria-live': 'polite',
  });
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
  private readonly connection = new ConnectionNotice();
  private readonly photo = new PhotoPicker((message) => (this.composerError.textContent = message));
  private busy = false;
  private composer?: HTMLElement;

  /** Whether the seller is reading the newest messages (not scrolled back into the history). */
  private atNewest = true;

  constructor(
    private readonly root: HTMLElement,
    private readonly session: Session,
  ) {
    const edge = 40;
    this.log.addEventListener('scroll', () => {
      this.atNewest = this.log.scrollHeight - this.log.scrollTop - this.log.clientHeight < edge;
    });
    // Photos arrive after their message is placed (fetched with the token) and make it taller: keep the
    // newest message in view, unless the seller scrolled back to read.
    this.log.addEventListener('load', () => this.atNewest && this.scroll(), true);
  }

  async start(): Promise<void> {
    clear(this.root);
    const composer = (this.composer = h(
      'form',
      { class: 'composer', onsubmit: (e) => (e.preventDefault(), void this.send()) },
      this.connection.el,
      this.photo.preview,
      h('div', { class: 'row' }, this.photo.input, this.photo.button, this.text, this.sendButton),
      this.composerError,
    ));
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
    // Only into an empty composer: the seller may have started typing while the conversation loaded.
    const unsent = sessionStorage.getItem(UNSENT_KEY);
    sessionStorage.removeItem(UNSENT_KEY);
    if (unsent && !this.text.value.trim()) this.text.value = unsent;
    this.text.focus();
  }

  private storageKey = () => `listing-assistant.conversation.${this.session.userId}`;

  private async restore(): Promise<void> {
    const saved = localStorage.getItem(this.storageKey());
    if (saved) {
      try {
        this.show(await api<ConversationView>('GET', `/api/conversations/${saved}`));
        return;
      } catch {
        // A conversation that is gone (or another user's) is replaced by a new one.
      }
    }
    await this.newConversation();
  }

  /** The stored conversation as the seller left it: messages, replies with their thumbs, cards, panel. */
  private show(view: ConversationView): void {
    this.conversationId = view.id;
    this.greet();
    this.panel.show(view.panel);
    for (const turn of view.turns) {
      // Photos come back by id from the server; an old run without ids says how many there were.
      const photos = turn.photos.map((p) => p.url);
      this.log.append(sellerMessage(turn.text, photos.length ? photos : turn.images));
      const bubble = ReplyBubble.settled(turn.reply ?? '', turn).el;
      const cards = turn.approvals.map((a) => this.card(turn.runId, a));
      // A decided card comes before the reply the decision led to; a card still open, replaced or expired
      // after the reply that asked for it (as it showed live).
      const decided = turn.approvals.some((a) => a.status === 'approved' || a.status === 'rejected');
      if (decided) this.log.append(...cards, bubble);
      else this.log.append(bubble, ...cards);
    }
    this.scroll();
  }

  /** The conversation as the server has it now, with a word on why it changed under the seller. */
  private async refresh(): Promise<boolean> {
    try {
      this.show(await api<ConversationView>('GET', `/api/conversations/${this.conversationId}`));
    } catch {
      return false;
    }
    this.log.append(
      h(
        'p',
        { class: 'hint notice', role: 'status', 'data-testid': 'refreshed' },
        'That request was already decided or has expired, perhaps in another tab: this is the conversation as it stands now.',
      ),
    );
    this.scroll();
    return true;
  }

  private greet(): void {
    clear(this.log);
    this.log.append(
      ReplyBubble.settled(
        'Hi! Tell me what you would like to sell — a short description is enough, and a photo helps. I can also re-price one of your listings.',
      ).el,
    );
  }

  private async newConversation(): Promise<void> {
    if (this.busy) return;
    const { id } = await api<{ id: string }>('POST', '/api/conversations');
    this.conversationId = id;
    localStorage.setItem(this.storageKey(), id);
    this.panel.reset();
    this.greet();
    this.text.focus();
  }

  private async send(retry?: { text: string; images?: string[] }): Promise<void> {
    const text = retry?.text ?? this.text.value.trim();
    if (!text || this.busy) return;
    this.composerError.textContent = '';
    const images = retry ? retry.images : this.photo.take();
    if (!retry) this.text.value = '';
    // The requests open now are replaced once the server takes the message (it supersedes them then):
    // a message that fails to send leaves them open.
    const open = [...this.log.querySelectorAll('.approval:not(.decided)')];
    const waiting = [
      ...this.log.querySelectorAll('[data-testid="assistant-message"][data-status="awaiting_approval"]'),
    ];
    const mine = sellerMessage(text, images ?? []);
    this.log.append(mine);
    const outcome = await this.run(`/api/conversations/${this.conversationId}/messages`, {
      text,
      ...(images ? { images } : {}),
    });
    if (outcome.ok) {
      open.forEach(supersede);
      for (const reply of waiting) ReplyBubble.settleWaiting(reply, true);
      return;
    }
    // Nothing the seller typed is lost: the text goes back in the composer, and Retry sends it again.
    mine.classList.add('failed');
    if (!this.text.value.trim()) this.text.value = text;
    const again = () => {
      mine.remove();
      outcome.bubble.el.remove();
      if (this.text.value.trim() === text) this.text.value = '';
      void this.send({ text, images });
    };
    // A conversation at its cap (messages or photos) takes nothing more: the message goes on in a new one.
    const full = outcome.error instanceof ApiError && outcome.error.code === 'conversation_too_large';
    outcome.bubble.fail(
      outcome.error,
      signedOut(outcome.error)
        ? {
            label: 'Sign in again',
            run: () => {
              // Photos are not kept (too large to park): the words are, and the seller attaches again.
              sessionStorage.setItem(UNSENT_KEY, this.text.value.trim() || text);
              signInAgain();
            },
          }
        : full
          ? {
              label: 'Continue in a new conversation',
              run: () => {
                if (this.text.value.trim() === text) this.text.value = '';
                void this.newConversation().then(() => this.send({ text, images }));
              },
            }
          : { run: again },
    );
    // The failure's words and button made the reply taller: keep it in view.
    this.scroll();
  }

  private async decide(runId: string, approval: PendingApproval, decision: Decision): Promise<DecisionOutcome> {
    const label =
      decision.decision === 'approve'
        ? decision.arguments
          ? `Confirmed with my changes: ${changeList(decision.arguments)}.`
          : 'Confirmed.'
        : `Cancelled.${decision.message ? ` ${decision.message}` : ''}`;
    const mine = sellerMessage(label, []);
    this.log.append(mine);
    const outcome = await this.run(`/api/runs/${runId}/decisions`, { approvalId: approval.approvalId, ...decision });
    if (outcome.ok) {
      const asked = this.log.querySelector(`[data-testid="assistant-message"][data-run-id="${runId}"]`);
      if (asked) ReplyBubble.settleWaiting(asked, false);
      return { ok: true };
    }
    const { error, bubble } = outcome;
    if (error instanceof ApiError && error.code === 'approval_not_pending') {
      // Decided meanwhile (another tab, another device) or expired: show what the server has, not a guess.
      if (await this.refresh()) return { ok: true };
      bubble.fail(error);
      return { ok: true };
    }
    // Not decided (refused edit, network): the card opens again with the reason; deciding again is the retry.
    mine.remove();
    bubble.el.remove();
    // A sign-in that stopped working: retrying cannot help, so the card says only that.
    const message = signedOut(error)
      ? error.message
      : error instanceof ApiError && REFUSED_DECISION.has(error.code)
        ? `Not saved: ${error.message}`
        : `${error instanceof Error ? error.message : 'Something went wrong.'} Your decision was not sent; try again.`;
    return { ok: false, message };
  }

  /** Streams one run segment into a new reply bubble; the composer is locked meanwhile. */
  private async run(path: string, body: unknown): Promise<RunOutcome> {
    this.setBusy(true);
    const bubble = new ReplyBubble();
    this.log.append(bubble.el);
    this.scroll();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), CLIENT_TIMEOUT_MS);
    try {
      const result = await streamRun(path, body, (event) => this.onEvent(bubble, event), controller.signal);
      bubble.finish(result);
      for (const approval of result.pendingApprovals) this.log.append(this.card(result.runId, approval));
      return { ok: true, result };
    } catch (error) {
      if (unreachable(error)) this.connection.lost();
      return { ok: false, error, bubble };
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
      // A post or a re-price: the panel shows the listing as the write left it (the new price).
      if (event.listing) this.panel.showListing(event.listing);
    }
    this.scroll();
  }

  private card(runId: string, approval: ApprovalView): HTMLElement {
    const existing = this.log.querySelector<HTMLElement>(`[data-approval-id="${approval.approvalId}"]`);
    if (existing) existing.remove();
    return approvalCard(approval, (decision) => this.decide(runId, approval, decision));
  }

  private setBusy(busy: boolean): void {
    this.busy = busy;
    this.sendButton.disabled = busy;
    this.root.classList.toggle('busy', busy);
    // A decision is taken once: other open approval cards wait while a run is in flight.
    for (const b of this.log.querySelectorAll<HTMLButtonElement>('.approval:not(.decided) button')) b.disabled = busy;
  }

  /** The newest message in view: the log scrolls on a wide screen, the page on a phone. */
  private scroll(): void {
    // On a phone the composer sticks to the bottom and grows (a notice, a photo): leave room for all of it.
    if (this.composer) document.documentElement.style.scrollPaddingBottom = `${this.composer.offsetHeight + 16}px`;
    this.log.scrollTop = this.log.scrollHeight;
    this.log.lastElementChild?.scrollIntoView({ block: 'nearest' });
  }
}

function changeList(changes: Record<string, unknown>): string {
  return Object.entries(changes)
    .map(([k, v]) => `${k} ${typeof v === 'number' && k === 'price' ? euro(v) : String(v)}`)
    .join(', ');
}

/** The seller's words with their photos: data URLs as just sent, stored URLs after a reload, or a count. */
function sellerMessage(text: string, photos: string[] | number): HTMLElement {
  const shown = typeof photos === 'number' ? [] : photos;
  const count = typeof photos === 'number' ? photos : 0;
  return h(
    'article',
    { class: 'message seller', 'data-testid': 'seller-message', 'aria-label': 'You' },
    ...shown.map((url) => {
      const img = h('img', { alt: 'Your photo', class: 'thumb', 'data-testid': 'sent-photo' });
      showPhoto(img, url);
      return img;
    }),
    count ? h('span', { class: 'hint' }, `${count} photo${count > 1 ? 's' : ''} attached`) : null,
    h('div', { class: 'text' }, text),
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
