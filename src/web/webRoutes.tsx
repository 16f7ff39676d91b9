import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { HtmlEscapedString } from 'hono/utils/html';
import { Page, type PageProps } from './page.js';
import { WebAssets } from './assets.js';

export interface WebOptions {
  /** Demo tokens to offer on sign-in forms (only when the server uses them). */
  demoTokens?: { seller: string[]; support: string[] };
}

/**
 * The seller chat (`/`), support's trace viewer (`/support`), dashboard
 * (`/support/dashboard`) and review queue (`/support/review`), and a posted
 * listing (`/listings/:id`). Pages are static shells; everything they show
 * comes from the JSON API with the signed-in token, so the API's access rules
 * are the page's access rules.
 */
export function webRoutes(options: WebOptions = {}): Hono {
  const app = new Hono();
  const assets = new WebAssets();
  app.use(
    '*',
    secureHeaders({
      // Everything is same-origin; listing text is rendered as text, and the CSP is the second line of defence.
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
      },
    }),
  );

  // Page renders synchronously, so its element is HTML text (hono's JSX.Element also allows async components' Promise).
  const page = (props: PageProps) => `<!doctype html>${(<Page {...props} />) as HtmlEscapedString}`;
  const chat = page({
    title: 'Sell something · Listing assistant',
    script: 'chat',
    demoTokens: options.demoTokens?.seller,
  });
  const support = page({
    title: 'Support · Listing assistant',
    script: 'support',
    demoTokens: options.demoTokens?.support,
  });
  const dashboard = page({
    title: 'Dashboard · Listing assistant',
    script: 'dashboard',
    demoTokens: options.demoTokens?.support,
  });
  const review = page({
    title: 'Review queue · Listing assistant',
    script: 'review',
    demoTokens: options.demoTokens?.support,
  });
  // Public: the listing page asks for no sign-in.
  const listing = page({ title: 'Listing · Listing assistant', script: 'listing' });
  app.get('/', (c) => c.html(chat));
  app.get('/support', (c) => c.html(support));
  app.get('/support/dashboard', (c) => c.html(dashboard));
  app.get('/support/review', (c) => c.html(review));
  app.get('/listings/:id', (c) => c.html(listing));

  app.get('/assets/:name', async (c) => {
    const found = await assets.get(c.req.param('name'));
    if (!found) return c.json({ error: { code: 'not_found', message: 'No such asset.' } }, 404);
    if (c.req.header('if-none-match') === found.etag) return c.body(null, 304);
    return c.body(found.body, 200, { 'content-type': found.type, etag: found.etag, 'cache-control': 'no-cache' });
  });
  return app;
}
