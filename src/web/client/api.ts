import type { RunEvent } from '../../agent/runEvents.js';
import type { RunResult } from '../../agent/runResult.js';

export type { RunEvent, RunResult };
export type { PendingApproval } from '../../agent/runResult.js';

const TOKEN_KEY = 'listing-assistant.token';

export const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (value: string) => sessionStorage.setItem(TOKEN_KEY, value),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

export const SESSION_PATH = '/api/session';
const SIGNED_OUT = 'Your sign-in has expired or is no longer valid. Sign in again to go on.';

/** Whether the error means the token no longer works: the way on is to sign in again, not to retry. */
export const signedOut = (error: unknown): error is ApiError => error instanceof ApiError && error.status === 401;

/** The API's error body, or a network failure / timeout in the same shape. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The server's Retry-After, when it gave one. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

function headers(extra: Record<string, string> = {}): Record<string, string> {
  const t = token.get();
  return { ...(t ? { authorization: `Bearer ${t}` } : {}), ...extra };
}

/** How often, and for how long at most per wait, a request is retried while its conversation is busy. */
const BUSY_RETRIES = 5;
const BUSY_WAIT_CAP_MS = 10_000;

const pause = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true });
  });

/**
 * One request; a `409 conversation_busy` (another message of the conversation is being answered,
 * maybe on another instance) is retried after the server's Retry-After, a few times.
 */
async function send(
  method: string,
  path: string,
  body: unknown,
  accept: string,
  signal?: AbortSignal,
): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await sendOnce(method, path, body, accept, signal);
    } catch (error) {
      if (!(error instanceof ApiError) || error.code !== 'conversation_busy' || attempt >= BUSY_RETRIES) throw error;
      if (signal?.aborted) throw error;
      await pause(Math.min(BUSY_WAIT_CAP_MS, (error.retryAfterSeconds ?? 1) * 1000), signal);
    }
  }
}

async function sendOnce(
  method: string,
  path: string,
  body: unknown,
  accept: string,
  signal?: AbortSignal,
): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: headers({ accept, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }),
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
  } catch {
    if (signal?.aborted) throw new ApiError(0, 'timeout', 'The assistant took too long to answer. Please try again.');
    throw new ApiError(0, 'network', 'Cannot reach the server. Check your connection and try again.');
  }
  if (!response.ok) {
    const parsed = (await response.json().catch(() => undefined)) as
      { error?: { code: string; message: string } } | undefined;
    const retryAfter = Number(response.headers.get('retry-after'));
    // A token that stopped working (expired, revoked): the server's words are for API clients, these for people.
    const message =
      response.status === 401 && path !== SESSION_PATH
        ? SIGNED_OUT
        : (parsed?.error?.message ?? `The server answered ${response.status}.`);
    throw new ApiError(
      response.status,
      parsed?.error?.code ?? 'http_error',
      message,
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    );
  }
  return response;
}

export async function api<T>(method: 'GET' | 'POST', path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const response = await send(method, path, body, 'application/json', signal);
  return (await response.json()) as T;
}

/**
 * POSTs with `Accept: text/event-stream` and reads the run's server-sent
 * events as they arrive (EventSource cannot POST or send a bearer token).
 * Resolves with the final RunResult.
 */
export async function streamRun(
  path: string,
  body: unknown,
  onEvent: (event: RunEvent) => void,
  signal?: AbortSignal,
): Promise<RunResult> {
  // A stream that ends in `conversation_busy` before any event is the stream's form of the 409: retried alike.
  for (let attempt = 0; ; attempt++) {
    let seen = false;
    try {
      return await streamOnce(path, body, (event) => ((seen = true), onEvent(event)), signal);
    } catch (error) {
      const busy = error instanceof ApiError && error.code === 'conversation_busy' && !seen;
      if (!busy || attempt >= BUSY_RETRIES || signal?.aborted) throw error;
      await pause(Math.min(BUSY_WAIT_CAP_MS, (error.retryAfterSeconds ?? 2) * 1000), signal);
    }
  }
}

async function streamOnce(
  path: string,
  body: unknown,
  onEvent: (event: RunEvent) => void,
  signal?: AbortSignal,
): Promise<RunResult> {
  const response = await send('POST', path, body, 'text/event-stream', signal);
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block
          .split('\n')
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).replace(/^ /, ''))
          .join('\n');
        if (!data) continue;
        const event = JSON.parse(data) as RunEvent | { type: 'error'; error: { code: string; message: string } };
        if (event.type === 'error') throw new ApiError(500, event.error.code, event.error.message);
        if (event.type === 'result') return event.result;
        onEvent(event);
      }
    }
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (signal?.aborted) throw new ApiError(0, 'timeout', 'The assistant took too long to answer. Please try again.');
    throw new ApiError(0, 'network', 'The connection dropped before the assistant finished.');
  }
  throw new ApiError(0, 'network', 'The connection closed before the assistant finished.');
}
