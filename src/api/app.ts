import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { bodyLimit } from 'hono/body-limit';
import type { ListingAssistant } from '../agent/assistant.js';
import type { RunRecord, Store } from '../store/index.js';
import { PayloadTooLargeError, ServiceUnavailableError } from '../errors.js';
import { authenticate, identify, type AuthEnv, type Authenticator } from './auth.js';
import { demoOnLoopback } from './signIn.js';
import { rateLimit, type RateLimits, failedSignInLimit, requestBudgets } from './rateLimit.js';
import { errorHandler, notFound } from './errorHandler.js';
import { conversationRoutes } from './routes/conversations.js';
import { runRoutes } from './routes/runs.js';
import { listingRoutes, publicListingRoutes } from './routes/listings.js';
import { imageRoutes } from './routes/images.js';
import { traceRoutes, type ReplayLimits } from './routes/traces.js';
import { ReplayThread } from '../replay/replayThread.js';
import { reviewRoutes, type ReviewRouteOptions } from './routes/review.js';
import { docsRoutes, DOCUMENTATION } from './routes/docs.js';
import { generateSpecs } from 'hono-openapi';
import { describe } from './openapi.js';
import { Health, Ready } from './responses.js';
import { sessionRoutes } from './routes/session.js';
import { dashboardRoutes } from './routes/dashboard.js';
import type { AlertThresholds } from '../monitoring/alerts.js';
import { webRoutes, type WebOptions } from '../web/webRoutes.js';
import { metricsRoutes, type MetricsAccess } from './routes/metrics.js';
import { processLogger, type Logger } from '../logging/logger.js';
import { requestLog } from './requestLog.js';

export interface AppDeps {
  assistant: ListingAssistant;
  store: Store;
  authenticator: Authenticator;
  /** Demo mode: only direct requests to a loopback address are served. */
  demo?: boolean;
  maxBodyBytes: number;
  rateLimits?: RateLimits;
  /** Failed sign-ins per client address per minute before it gets 429 (needs `store`'s counters). */
  signInFailuresPerMinute?: number;
  log?: (msg: string, fields: Record<string, unknown>) => void;
  /** Access lines, one per request (default: the process logger). */
  logger?: Logger;
  /** Support's replays: their thread (at most so many at once) and per-user budget; default 2 at once, 10/min. */
  replays?: ReplayLimits;
  /** Whether the background trace export thread still runs; unset when there is none. */
  exportAlive?: () => boolean;
  /** Called after feedback is stored (Langfuse scores). */
  onFeedback?: (run: RunRecord, value: 1 | -1, comment: string | null) => void | Promise<void>;
  /** The trace's page in Langfuse, when export is configured. */
  traceUrl?: (traceId: string) => Promise<string | undefined>;
  web?: WebOptions;
  /** Support's dashboard: alert thresholds, and the clock its windows end at. */
  dashboard?: { thresholds: AlertThresholds; now?: () => Date };
  /** The review queue's routes (support); where promoted scenarios are written. */
  review?: ReviewRouteOptions;
  /** `GET /metrics` (Prometheus text), outside the JSON API and its rate limits. */
  metrics?: MetricsAccess;
}

/** The HTTP API: a small core with one sub-app per resource, testable through `app.request()`. */
export function createApp(deps: AppDeps): Hono<AuthEnv> {
  const log = deps.log ?? ((msg, fields) => processLogger().error(fields, msg));
  const app = new Hono<AuthEnv>();
  app.onError(errorHandler(log));
  app.notFound(notFound(() => app.routes));
  // First, so that every response (refusals and errors too) has an id and an access line.
  app.use('*', requestLog(deps.logger ?? processLogger()));
  if (deps.demo) app.use('*', demoOnLoopback());
  // Security headers on every API response too (the pages set their own CSP in webRoutes). JSON needs
  // no sources at all; the docs page is one HTML page with inline styles and no script.
  const noSources = { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] };
  app.use(
    '/api/docs',
    secureHeaders({ contentSecurityPolicy: { ...noSources, styleSrc: ["'unsafe-inline'"], imgSrc: ['data:'] } }),
  );
  app.use('/api/*', secureHeaders({ contentSecurityPolicy: noSources }));
  app.use('/metrics', secureHeaders({ contentSecurityPolicy: noSources }));

  if (deps.metrics && deps.signInFailuresPerMinute)
    app.use('/metrics', failedSignInLimit(deps.signInFailuresPerMinute, deps.store));
  if (deps.metrics) app.route('/metrics', metricsRoutes(deps.metrics, deps.authenticator));
  app.get(
    '/api/health',
    describe({ summary: 'Liveness', tag: 'health', response: Health, errors: [], security: false }),
    (c) => c.json({ status: 'ok' as const }),
  );
  // Readiness, for a load balancer: the database answers a read (a store opens only once migrated), and
  // the trace export thread, when there is one, still runs (a dead one would lose every trace from now on).
  app.get(
    '/api/ready',
    describe({ summary: 'Readiness', tag: 'health', response: Ready, errors: [503], security: false }),
    async (c) => {
      try {
        await deps.store.meta.get('catalogue');
      } catch {
        throw new ServiceUnavailableError('The database cannot be reached.', 'not_ready');
      }
      if (deps.exportAlive && !deps.exportAlive())
        throw new ServiceUnavailableError('The trace export thread has stopped.', 'not_ready');
      return c.json({ status: 'ready' as const });
    },
  );

  // Public, and registered before the authenticated API; generated once from the routes' own schemas.
  let spec: ReturnType<typeof generateSpecs> | undefined;
  app.route(
    '/api',
    docsRoutes(
      () =>
        (spec ??= generateSpecs(app, { documentation: DOCUMENTATION, exclude: ['/api/openapi.json', '/api/docs'] })),
    ),
  );

  // Photos: public on an active listing, so the token is optional (checked by the route itself).
  if (deps.signInFailuresPerMinute)
    app.use('/api/images/*', failedSignInLimit(deps.signInFailuresPerMinute, deps.store));
  app.route('/api/images', imageRoutes(deps.store, deps.authenticator));
  // A listing is public (its page too): registered before the authenticated API, so no token is asked for.
  // The caller is identified when a token is given, and rate-limited either way (anonymous: per address).
  app.route(
    '/api/listings',
    publicListingRoutes(deps.store, [
      identify(deps.authenticator),
      ...(deps.rateLimits ? [rateLimit(deps.rateLimits, deps.store)] : []),
    ]),
  );

  const api = new Hono<AuthEnv>();
  api.use(
    '*',
    bodyLimit({
      maxSize: deps.maxBodyBytes,
      onError: () => {
        throw new PayloadTooLargeError(
          `The request body is larger than ${Math.round(deps.maxBodyBytes / 1024 / 1024)} MB.`,
        );
      },
    }),
  );
  // Failed sign-ins and the user's budgets: one store call per request, after the token check.
  const budgets = requestBudgets(deps.store, deps);
  api.use('*', budgets.beforeSignIn);
  api.use('*', authenticate(deps.authenticator));
  api.use('*', budgets.afterSignIn);
  api.route('/session', sessionRoutes());
  api.route('/conversations', conversationRoutes(deps.assistant));
  api.route('/runs', runRoutes(deps.assistant, deps.store, deps.onFeedback));
  api.route('/listings', listingRoutes(deps.store));
  const replays = deps.replays ?? { thread: new ReplayThread(2), perMinute: 10 };
  api.route('/traces', traceRoutes(deps.store, replays, deps.traceUrl));
  if (deps.dashboard)
    api.route('/dashboard', dashboardRoutes(deps.store, deps.dashboard.thresholds, deps.dashboard.now));
  if (deps.review) api.route('/review', reviewRoutes(deps.store, deps.review));
  app.route('/api', api);

  // The web pages are shells around this API; registered last so `/api/*` never falls through to them.
  app.route('/', webRoutes(deps.web));

  return app;
}
