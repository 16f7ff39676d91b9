import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ListingAssistant } from '../agent/assistant.js';
import type { Store } from '../store/index.js';
import { PayloadTooLargeError } from '../errors.js';
import { authenticate, type AuthEnv, type TokenRegistry } from './auth.js';
import { errorHandler, notFound } from './errorHandler.js';
import { conversationRoutes } from './routes/conversations.js';
import { runRoutes } from './routes/runs.js';
import { listingRoutes } from './routes/listings.js';
import { traceRoutes } from './routes/traces.js';

export interface AppDeps {
  assistant: ListingAssistant;
  store: Store;
  tokens: TokenRegistry;
  maxBodyBytes: number;
  log?: (msg: string, fields: Record<string, unknown>) => void;
}

/** The HTTP API: a small core with one sub-app per resource, testable through `app.request()`. */
export function createApp(deps: AppDeps): Hono<AuthEnv> {
  const log = deps.log ?? ((msg, fields) => console.error(JSON.stringify({ level: 'error', msg, ...fields })));
  const app = new Hono<AuthEnv>();
  app.onError(errorHandler(log));
  app.notFound(notFound);

  app.get('/api/health', (c) => c.json({ status: 'ok' }));

  const api = new Hono<AuthEnv>();
  api.use(
    '*',
    bodyLimit({
      maxSize: deps.maxBodyBytes,
      onError: () => {
        throw new PayloadTooLargeError(`The request body is larger than ${Math.round(deps.maxBodyBytes / 1024 / 1024)} MB.`);
      },
    }),
  );
  api.use('*', authenticate(deps.tokens));
  api.route('/conversations', conversationRoutes(deps.assistant));
  api.route('/runs', runRoutes(deps.assistant, deps.store));
  api.route('/listings', listingRoutes(deps.store));
  api.route('/traces', traceRoutes(deps.store));
  app.route('/api', api);
  return app;
}
