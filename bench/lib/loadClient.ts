import { Agent as HttpAgent, setGlobalDispatcher } from 'undici';
import { DRAFT_PREFIX } from './delayedModel.js';

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
  /**
   * Each conversation drafts a listing (titled `<text> <conversation id>`), and its approval is sent
   * to yet another instance: a run is the message and the decision, completed when posted.
   */
  draft?: boolean;
}

export interface LoadResult {
  latencies: number[];
  wallMs: number;
  completed: number;
  /** Requests that got no answer (connection refused or reset); the first error's text. */
  failed: number;
  firstError?: string;
  /**
   * Failures by kind: the socket error's code (ECONNRESET, ECONNREFUSED, UND_ERR_SOCKET, …) for a
   * request that got no answer, `http_<status>` for an answer that was not a 2xx, the run's status
   * and stop reason (`stopped:timeout`) for a run answered but not completed.
   */
  errors: Record<string, number>;
}

/** The kind of a failed request: the deepest error code undici reports, else the error's name. */
function kindOf(error: unknown): string {
  let kind: string | undefined;
  for (let e = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') kind = code;
  }
  return kind ?? (error instanceof Error ? error.name : 'unknown');
}

setGlobalDispatcher(new HttpAgent({ connections: 2048, pipelining: 1, keepAliveTimeout: 30_000 }));

const post = (url: string, token: string, body?: unknown) =>
  fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });

interface RunAnswer {
  runId?: string;
  status?: string;
  stopReason?: string;
  pendingApprovals?: { approvalId: string }[];
}

async function round({ urls, tokens, concurrency, text, draft }: LoadRequest): Promise<LoadResult> {
  // Conversations are opened first and not measured: the figure is one run per conversation in flight.
  // Round robin without stickiness: with several instances, a conversation's message goes to
  // another instance than the one that opened it, as behind a plain load balancer.
  let failed = 0;
  let firstError: string | undefined;
  const errors: Record<string, number> = {};
  const failure = (error: unknown) => {
    failed++;
    firstError ??= String((error as { cause?: unknown }).cause ?? error);
    const kind = kindOf(error);
    errors[kind] = (errors[kind] ?? 0) + 1;
  };
  const answered = (res: Response) => {
    if (res.ok) return;
    const kind = `http_${res.status}`;
    errors[kind] = (errors[kind] ?? 0) + 1;
  };
  const conversations = await Promise.all(
    Array.from({ length: concurrency }, async (_, i) => {
      const token = tokens[i % tokens.length];
      const opened = urls[i % urls.length];
      try {
        const res = await post(`${opened}/api/conversations`, token);
        answered(res);
        const { id } = (await res.json()) as { id: string };
        return { id, token, url: urls[(i + 1) % urls.length], decideAt: urls[(i + 2) % urls.length] };
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
        const message = draft ? `${DRAFT_PREFIX} ${text} ${c.id}` : text;
        const res = await post(`${c.url}/api/conversations/${c.id}/messages`, c.token, { text: message });
        answered(res);
        let body = (await res.json()) as RunAnswer;
        const approvalId = body.pendingApprovals?.[0]?.approvalId;
        if (draft && body.status === 'awaiting_approval' && approvalId) {
          const decided = await post(`${c.decideAt}/api/runs/${body.runId}/decisions`, c.token, {
            approvalId,
            decision: 'approve',
          });
          answered(decided);
          body = (await decided.json()) as RunAnswer;
        }
        if (body.status === 'completed') completed++;
        else if (res.ok) {
          // Answered, but not done: counted by how the run ended (`stopped:timeout`, `awaiting_approval`).
          const kind = [body.status, body.stopReason].filter(Boolean).join(':') || 'unknown';
          errors[kind] = (errors[kind] ?? 0) + 1;
        }
        latencies.push(performance.now() - t);
      } catch (error) {
        failure(error);
      }
    }),
  );
  return { latencies, wallMs: performance.now() - started, completed, failed, firstError, errors };
}

process.on('message', (request: LoadRequest) => {
  round(request).then(
    (result) => process.send!(result),
    (error) => process.send!({ error: String(error) }),
  );
});
