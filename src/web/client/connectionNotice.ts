import { ApiError } from './api.js';
import { h } from './dom.js';

/** How long to wait before asking the server again: soon at first, then less often. */
const FIRST_CHECK_MS = 2000;
const LONGEST_CHECK_MS = 5000;
/** How long "connected again" stays up. */
const SHOWN_BACK_MS = 8000;

/** Whether a request failed because the server could not be reached (not an answer from it). */
export const unreachable = (error: unknown): boolean => error instanceof ApiError && error.code === 'network';

/**
 * Says when the server cannot be reached, and when it can again: a request that failed for that reason
 * starts a watch on the health check, so the seller knows when Retry will work (nothing is resent by
 * itself: the failed request may have reached the server before the connection dropped).
 */
export class ConnectionNotice {
  readonly el = h('p', { class: 'connection', role: 'status', 'data-testid': 'connection', hidden: true });
  private watching = false;

  lost(): void {
    if (this.watching) return;
    this.watching = true;
    this.say('offline', 'The server cannot be reached. What you wrote is kept; checking the connection again…');
    void this.watch();
  }

  private async watch(): Promise<void> {
    for (let wait = FIRST_CHECK_MS; ; wait = Math.min(wait * 1.5, LONGEST_CHECK_MS)) {
      await new Promise((resolve) => setTimeout(resolve, wait));
      try {
        if ((await fetch('/api/health', { cache: 'no-store' })).ok) break;
      } catch {
        // Still unreachable: ask again later.
      }
    }
    this.watching = false;
    this.say('online', 'Connected again. Press Retry to send what did not go through.');
    setTimeout(() => {
      if (!this.watching) this.el.hidden = true;
    }, SHOWN_BACK_MS);
  }

  private say(state: 'offline' | 'online', text: string): void {
    this.el.dataset.state = state;
    this.el.textContent = text;
    this.el.hidden = false;
  }
}
