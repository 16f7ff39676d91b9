import { api, ApiError, SESSION_PATH, signedOut, token } from './api.js';

/** Set when a page sent the seller back to sign in because the token stopped working: the form says why. */
const EXPIRED_KEY = 'listing-assistant.signed-out';
import { clear, h } from './dom.js';

export interface Session {
  userId: string;
  role: 'seller' | 'support';
}

/**
 * Resolves with the session of a stored token, or shows a sign-in form and
 * resolves once a token is accepted. Demo tokens (loopback demo mode only)
 * are offered as one-click buttons.
 */
export async function signIn(root: HTMLElement, heading: string): Promise<Session> {
  let expired = sessionStorage.getItem(EXPIRED_KEY) !== null;
  sessionStorage.removeItem(EXPIRED_KEY);
  if (token.get()) {
    try {
      return await api<Session>('GET', SESSION_PATH);
    } catch (e) {
      token.clear();
      expired ||= signedOut(e);
    }
  }
  const demo = (root.dataset.demoTokens ?? '').split(',').filter(Boolean);
  return new Promise((resolve) => {
    const input = h('input', {
      type: 'password',
      name: 'token',
      placeholder: 'Access token',
      autocomplete: 'off',
      required: true,
      'aria-label': 'Access token',
    });
    const error = h('p', { class: 'error', role: 'alert' });
    const submit = async (value: string) => {
      token.set(value.trim());
      try {
        resolve(await api<Session>('GET', SESSION_PATH));
      } catch (e) {
        token.clear();
        error.textContent =
          e instanceof ApiError && e.status === 401 ? 'That token is not valid.' : (e as Error).message;
      }
    };
    const form = h(
      'form',
      {
        class: 'card sign-in',
        'data-testid': 'sign-in',
        onsubmit: (e) => (e.preventDefault(), void submit(input.value)),
      },
      h('h1', {}, heading),
      expired
        ? h(
            'p',
            { class: 'warning', 'data-testid': 'signed-out' },
            'Your sign-in expired or was revoked: sign in again.',
          )
        : null,
      h('label', {}, 'Sign in with your access token', input),
      h('button', { type: 'submit' }, 'Sign in'),
      demo.length
        ? h(
            'p',
            { class: 'hint' },
            'Demo: ',
            ...demo.map((t) => h('button', { type: 'button', class: 'link', onclick: () => void submit(t) }, t)),
          )
        : null,
      error,
    );
    clear(root);
    root.append(form);
    input.focus();
  });
}

/** Back to the sign-in form, saying why: the token this page holds no longer works. */
export function signInAgain(): void {
  token.clear();
  sessionStorage.setItem(EXPIRED_KEY, '1');
  location.reload();
}

/** An error where it happened, with the way on when it is a sign-in that stopped working. */
export function errorView(error: unknown): HTMLElement {
  return h(
    'p',
    { class: 'error', role: 'alert' },
    error instanceof Error ? error.message : 'Something went wrong.',
    signedOut(error) ? ' ' : null,
    signedOut(error)
      ? h('button', { type: 'button', class: 'secondary', onclick: signInAgain }, 'Sign in again')
      : null,
  );
}

export function signOutButton(): HTMLButtonElement {
  return h(
    'button',
    { type: 'button', class: 'secondary', onclick: () => (token.clear(), location.reload()) },
    'Sign out',
  );
}
