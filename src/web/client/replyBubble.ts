import { api, ApiError, type RunResult } from './api.js';
import { h, richText } from './dom.js';

const STOPPED: Record<string, string> = {
  max_steps: 'The assistant reached its step limit before finishing. Try a shorter, more specific request.',
  timeout: 'The assistant ran out of time on this request. Please try again.',
  model_error: 'The assistant’s model could not answer just now. Please try again in a moment.',
  loop_detected: 'The assistant was repeating itself, so it stopped. Try rephrasing your request.',
  cancelled: 'This request was replaced by a newer message.',
  interrupted: 'The server stopped before this request finished. Please send it again.',
  storage_error: 'The assistant could not save its work just now. Please try again in a minute.',
};

/** One assistant turn: a status line while the run works, streamed text, then the outcome and thumbs. */
export class ReplyBubble {
  readonly el: HTMLElement;
  private readonly status = h('div', { class: 'status', 'data-testid': 'run-status', role: 'status' }, 'Thinking…');
  private readonly text = h('div', { class: 'text' });
  private streamed = '';

  constructor() {
    this.el = h(
      'article',
      { class: 'message assistant working', 'data-testid': 'assistant-message', 'aria-label': 'Assistant' },
      this.status,
      this.text,
    );
  }

  /** A reply restored from the stored conversation (a greeting has no run, so no thumbs). */
  static settled(
    text: string,
    run?: { runId: string; status: RunResult['status']; stopReason?: string; feedback: 1 | -1 | null },
  ): ReplyBubble {
    const bubble = new ReplyBubble();
    if (!run) {
      bubble.text.replaceChildren(...richText(text));
      bubble.status.remove();
      bubble.el.classList.remove('working');
      return bubble;
    }
    bubble.streamed = text;
    bubble.finish(
      {
        runId: run.runId,
        status: run.status,
        ...(run.stopReason ? { stopReason: run.stopReason as RunResult['stopReason'] } : {}),
        reply: text,
      },
      run.feedback,
    );
    return bubble;
  }

  progress(label: string): void {
    this.status.textContent = label;
  }

  delta(text: string): void {
    this.streamed += text;
    this.text.textContent = this.streamed;
  }

  note(node: Node): void {
    this.el.append(node);
  }

  finish(result: Pick<RunResult, 'runId' | 'status' | 'stopReason' | 'reply'>, feedback: 1 | -1 | null = null): void {
    this.el.classList.remove('working');
    this.el.dataset.status = result.status;
    this.el.dataset.runId = result.runId;
    this.text.replaceChildren(...richText(result.reply ?? this.streamed));
    if (result.status === 'stopped') {
      this.status.textContent = STOPPED[result.stopReason ?? ''] ?? 'The assistant stopped.';
      this.status.className = 'status warning';
      this.status.dataset.stopReason = result.stopReason ?? '';
    } else if (result.status === 'awaiting_approval') {
      this.status.textContent = 'Waiting for your confirmation below.';
    } else this.status.remove();
    if (!this.text.textContent) this.text.textContent = result.status === 'stopped' ? '' : 'Done.';
    this.el.append(feedbackButtons(result.runId, feedback));
  }

  /**
   * The reply's "waiting for your confirmation" no longer holds: its request was decided, or replaced by a
   * newer message (then it says so, as a restored reply does).
   */
  static settleWaiting(el: Element, replaced: boolean): void {
    const status = el.querySelector<HTMLElement>('[data-testid="run-status"]');
    if (!status) return;
    if (!replaced) return status.remove();
    status.textContent = STOPPED.cancelled;
    status.className = 'status warning';
  }

  /**
   * The request failed; `next`, when given, is the button that goes on from here: Retry by default, or
   * another way on (a conversation that is full goes on in a new one).
   */
  fail(error: unknown, next?: { run: () => void; label?: string }): void {
    this.el.classList.remove('working');
    this.el.classList.add('failed');
    this.el.dataset.status = 'error';
    const message =
      error instanceof ApiError
        ? error.status === 429
          ? 'Too many requests right now. Wait a moment and try again.'
          : error.message
        : 'Something went wrong. Please try again.';
    this.status.textContent = message;
    this.status.className = 'status error';
    this.status.setAttribute('role', 'alert');
    if (next)
      this.el.append(
        h(
          'button',
          { type: 'button', class: 'secondary', 'data-testid': 'retry', onclick: () => next.run() },
          next.label ?? 'Retry',
        ),
      );
  }
}

const THANKS = { 1: 'Thanks for the feedback.', [-1]: 'Thanks — we will look into it.' } as const;

function feedbackButtons(runId: string, given: 1 | -1 | null): HTMLElement {
  const box = h('div', { class: 'feedback', 'data-testid': 'feedback' });
  if (given) {
    box.append(h('span', { class: 'hint', 'data-testid': 'feedback-given' }, THANKS[given]));
    return box;
  }
  const rate = async (value: 1 | -1) => {
    for (const b of box.querySelectorAll('button')) b.disabled = true;
    try {
      await api('POST', `/api/runs/${runId}/feedback`, { value });
      box.replaceChildren(h('span', { class: 'hint', 'data-testid': 'feedback-given' }, THANKS[value]));
    } catch (e) {
      box.replaceChildren(h('span', { class: 'error' }, (e as Error).message));
    }
  };
  box.append(
    h(
      'button',
      { type: 'button', class: 'icon', title: 'Helpful', 'aria-label': 'Helpful', onclick: () => void rate(1) },
      '▲ Helpful',
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'icon',
        title: 'Not helpful',
        'aria-label': 'Not helpful',
        onclick: () => void rate(-1),
      },
      '▼ Not helpful',
    ),
  );
  return box;
}
