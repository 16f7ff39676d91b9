import { Agent as HttpAgent, setGlobalDispatcher } from 'undici';

/**
 * The load generator of `bench/api.ts`, in its own process so the server's
 * event loop and CPU time are the server's alone. Told over IPC what to send;
 * answers with each measured request's latency and the round's wall time.
 */
export interface LoadRequest {
  url: string;
  tokens: string[];
  concurrency: number;
  text: string;
}

export interface LoadResult {
  latencies: number[];
  wallMs: number;
  completed: number;
}

setGlobalDispatcher(new HttpAgent({ connections: 2048, pipelining: 1, keepAliveTimeout: 30_000 }));

const post = (url: string, token: string, body?: unknown) =>
  fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });

async function round({ url, tokens, concurrency, text }: LoadRequest): Promise<LoadResult> {
  // Conversations are opened first and not measured: the figure is one run per conversation in flight.
  const conversations = await Promise.all(
    Array.from({ length: concurrency }, async (_, i) => {
      const token = tokens[i % tokens.length];
      const { id } = (await (await post(`${url}/api/conversations`, token)).json()) as { id: string };
      return { id, token };
    }),
  );
  const latencies: number[] = [];
  let completed = 0;
  const started = performance.now();
  await Promise.all(
    conversations.map(async ({ id, token }) => {
      const t = performance.now();
      const res = await post(`${url}/api/conversations/${id}/messages`, token, { text });
      const body = (await res.json()) as { status?: string };
      if (body.status === 'completed') completed++;
      latencies.push(performance.now() - t);
    }),
  );
  return { latencies, wallMs: performance.now() - started, completed };
}

process.on('message', (request: LoadRequest) => {
  round(request).then(
    (result) => process.send!(result),
    (error) => process.send!({ error: String(error) }),
  );
});
