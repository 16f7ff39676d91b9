import { clear, h } from './dom.js';
import { signIn, signOutButton, type Session } from './signIn.js';

/** Signs in and lets only support staff through; anyone else sees why, and no data is fetched. */
export async function requireSupport(root: HTMLElement, heading: string): Promise<Session | null> {
  const session = await signIn(root, heading);
  if (session.role === 'support') return session;
  clear(root);
  root.append(
    h(
      'section',
      { class: 'card', 'data-testid': 'forbidden' },
      h('h1', {}, 'Support staff only'),
      h('p', {}, `You are signed in as ${session.userId} (${session.role}); this page needs a support token.`),
      h('a', { href: '/' }, 'Back to your listings'),
      signOutButton(),
    ),
  );
  return null;
}
