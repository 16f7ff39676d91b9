import { api, ApiError, token } from './api.js';
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
  if (token.get()) {
    try {
      return await api<Session>('GET', '/api/session');
    } catch {
      token.clear();
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
        resolve(await api<Session>('GET', '/api/session'));
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

export function signOutButton(): HTMLButtonElement {
  return h(
    'button',
    { type: 'button', class: 'secondary', onclick: () => (token.clear(), location.reload()) },
    'Sign out',
  );
}
