import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { RunEvent } from '../agent/runEvents.js';
import type { RunResult } from '../agent/runResult.js';
import { AppError } from '../errors.js';

export const wantsEventStream = (c: Context) => (c.req.header('accept') ?? '').includes('text/event-stream');

/**
 * Streams a run as server-sent events (`text_delta`, `tool_call`,
 * `tool_result`, `approval_requested`) and ends with `result`, the same
 * RunResult the JSON answer carries. A failure after the stream started
 * becomes an `error` event with the contract's error body.
 */
export function streamRun(c: Context, run: (onEvent: (e: RunEvent) => void) => Promise<RunResult>) {
  return streamSSE(c, async (stream) => {
    let id = 0;
    const send = (event: RunEvent | { type: 'error'; error: { code: string; message: string } }) =>
      stream.writeSSE({ event: event.type, data: JSON.stringify(event), id: String(id++) });
    let queue = Promise.resolve();
    try {
      const result = await run((event) => {
        queue = queue.then(() => send(event));
      });
      await queue;
      await send({ type: 'result', result });
    } catch (error) {
      await queue;
      const body =
        error instanceof AppError
          ? { code: error.code, message: error.message }
          : { code: 'internal', message: 'Something went wrong on our side. Please try again.' };
      await send({ type: 'error', error: body });
    }
  });
}
