import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What every log line written while serving one HTTP request carries. */
export interface RequestScope {
  requestId: string;
}

const scope = new AsyncLocalStorage<RequestScope>();

/**
 * Runs `work` inside a request's scope: every log line written by it, or by anything it awaits or starts
 * (the agent loop, the store, a run that outlives the response), carries the request id. Async context
 * rather than a logger handed down, because most of that code never sees the HTTP request.
 */
export function inRequestScope<T>(requestScope: RequestScope, work: () => T): T {
  return scope.run(requestScope, work);
}

/** The fields of the current request's scope, for the logger to add to each line; none outside a request. */
export function requestFields(): Partial<RequestScope> {
  const current = scope.getStore();
  return current ? { requestId: current.requestId } : {};
}

export function newRequestId(): string {
  return randomUUID();
}
