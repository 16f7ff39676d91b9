import { Agent as HttpAgent, setGlobalDispatcher } from 'undici';

/**
 * The load generator of `bench/api.ts`, in its own process so the server's
 * event loop and CPU time are the server's alone. Told over IPC what to send;
 * answers with each measured request's latency and the round's wall time.
 */
export interface LoadRequest {
  /** The instances behind the "load balancer": requests go to them in turn. */
  urls: string[];
  tokens: string[];
  concurrency: number;
  text: string;
}

export interface LoadResult {
  latencies: number[];
  wallMs: number;
  completed: number;
  /** Requests that got no answer (connection refused or reset); the first error's text. */
  failed: number;
  firstError?: string;
}

setGlobalDispatcher(new HttpAgent({ connections: 2048, pipelining: 1, keepAliveTimeout: 30_000 }));

const post = (url: string, token: string, body?: unknown) =>
  fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });

async function round({ urls, tokens, concurrency, text }: LoadRequest): Promise<LoadResult> {
  // Conversations are opened first and not measured: the figure is one run per conversation in flight.
  // Round robin without stickiness: with several instances, a conversation's message goes to
  // another instance than the one that opened it, as behind a plain load balancer.
  let failed = 0;
  let firstError: string | undefined;
  const failure = (error: unknown) => {
    failed++;
    firstError ??= String((error as { cause?: unknown }).cause ?? error);
  };
  const conversations = await Promise.all(
    Array.from({ length: concurrency }, async (_, i) => {
      const token = tokens[i % tokens.length];
      const opened = urls[i % urls.length];
      try {
        const { id } = (await (await post(`${opened}/api/conversations`, token)).json()) as { id: string };
        return { id, token, url: urls[(i + 1) % urls.length] };
      } catch (error) {
        failure(error);
        return undefined;
      }
    }),
  );
  const latencies: number[] = [];
  let completed = 0;
  const started = performance.now();
  await Promise.all(
    conversations.map(async (c) => {
      if (!c) return;
      const t = performance.now();
      try {
        const res = await post(`${c.url}/api/conversations/${c.id}/messages`, c.token, { text });
        const body = (await res.json()) as { status?: string };
        if (body.status === 'completed') completed++;
        latencies.push(performance.now() - t);
      } catch (error) {
        failure(error);
      }
    }),
  );
  return { latencies, wallMs: performance.now() - started, completed, failed, firstError };
}

process.on('message', (request: LoadRequest) => {
  round(request).then(
    (result) => process.send!(result),
    (error) => process.send!({ error: String(error) }),
  );
});
