import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { gunzipSync } from 'node:zlib';

export interface ReceivedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  raw: string;
  body: any;
}

/** A local stand-in for Langfuse: records what the real SDK sends to the OTLP and ingestion endpoints. */
export const RECEIVER_PROJECT_ID = 'proj-receiver';

/** A prompt version as Langfuse prompt management holds it (`type` text unless said otherwise). */
export interface ServedPrompt {
  version: number;
  labels: string[];
  prompt: unknown;
  type?: 'text' | 'chat';
}

export class LangfuseReceiver {
  readonly requests: ReceivedRequest[] = [];
  /** Served at GET /api/public/v2/prompts/{name}?label=|version= (neither: the `production` label), by name. */
  readonly prompts = new Map<string, ServedPrompt[]>();
  /** What prompt requests get instead, while set: an HTTP status, or no answer at all. */
  promptFault: number | 'hang' | undefined;
  /** Requests refused for a wrong or missing `Authorization` (only when started with credentials). */
  unauthorized = 0;
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  /** `port`: listen where an earlier receiver did (Langfuse coming back after an outage). */
  static async start(
    options: { delayMs?: number; port?: number; credentials?: { publicKey: string; secretKey: string } } = {},
  ): Promise<LangfuseReceiver> {
    // Langfuse's public API: basic auth, public key as user, secret key as password.
    const expectedAuth =
      options.credentials &&
      `Basic ${Buffer.from(`${options.credentials.publicKey}:${options.credentials.secretKey}`).toString('base64')}`;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => {
        let buf = Buffer.concat(chunks);
        if (req.headers['content-encoding'] === 'gzip') buf = gunzipSync(buf);
        const raw = buf.toString('utf8');
        let body: unknown = raw;
        try {
          body = JSON.parse(raw);
        } catch {
          // keep raw
        }
        receiver.requests.push({ path: req.url ?? '', headers: req.headers, raw, body });
        if (expectedAuth && req.headers.authorization !== expectedAuth) {
          receiver.unauthorized++;
          res.writeHead(401, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ message: 'Invalid credentials' }));
          return;
        }
        const url = new URL(req.url ?? '/', 'http://receiver');
        const promptName = /^\/api\/public\/v2\/prompts\/([^/]+)$/.exec(url.pathname)?.[1];
        if (req.method === 'GET' && promptName) {
          receiver.servePrompt(decodeURIComponent(promptName), url.searchParams, res);
          return;
        }
        const reply = () => {
          res.writeHead(req.url?.includes('ingestion') ? 207 : 200, { 'content-type': 'application/json' });
          if (req.url?.includes('ingestion')) res.end(JSON.stringify({ successes: [], errors: [] }));
          // The project lookup behind trace links (GET /api/public/projects in Langfuse's API spec).
          else if (req.url === '/api/public/projects')
            res.end(JSON.stringify({ data: [{ id: RECEIVER_PROJECT_ID, name: 'receiver', metadata: {} }] }));
          else res.end('{}');
        };
        if (options.delayMs) setTimeout(reply, options.delayMs);
        else reply();
      });
    });
    // Idle keep-alive sockets stay open longer than clients keep them: a server closing one while a client
    // reuses it fails that request ("fetch failed"), which a busy test machine makes likely.
    server.keepAliveTimeout = 65_000;
    await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const receiver = new LangfuseReceiver(server, `http://127.0.0.1:${port}`);
    return receiver;
  }

  /** Prompt requests received, as `{name, label, version}` from their URLs. */
  promptRequests(): Array<{ name: string; label: string | null; version: string | null }> {
    return this.requests
      .map((r) => new URL(r.path, 'http://receiver'))
      .filter((u) => u.pathname.startsWith('/api/public/v2/prompts/'))
      .map((u) => ({
        name: decodeURIComponent(u.pathname.split('/').at(-1)!),
        label: u.searchParams.get('label'),
        version: u.searchParams.get('version'),
      }));
  }

  private servePrompt(name: string, query: URLSearchParams, res: ServerResponse): void {
    if (this.promptFault === 'hang') return;
    if (this.promptFault) {
      res.writeHead(this.promptFault, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: 'receiver fault' }));
      return;
    }
    const version = query.get('version');
    const label = query.get('label') ?? (version ? null : 'production');
    const found = (this.prompts.get(name) ?? []).find((p) =>
      label ? p.labels.includes(label) : p.version === Number(version),
    );
    res.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify(
        found
          ? {
              name,
              version: found.version,
              type: found.type ?? 'text',
              prompt: found.prompt,
              config: {},
              labels: found.labels,
              tags: [],
              commitMessage: null,
            }
          : { message: `Prompt not found: '${name}'` },
      ),
    );
  }

  /** Every OTLP span received (a span sent again appears again), attributes flattened to plain values. */
  spans(): ReceivedSpan[] {
    return this.requests
      .filter((r) => r.path.startsWith('/api/public/otel/v1/traces'))
      .flatMap((r) => r.body.resourceSpans ?? [])
      .flatMap((rs: any) => {
        const resource = attributesOf(rs.resource?.attributes);
        return (rs.scopeSpans ?? []).flatMap((ss: any) =>
          (ss.spans ?? []).map((s: any): ReceivedSpan => ({
            traceId: s.traceId,
            spanId: s.spanId,
            parentSpanId: s.parentSpanId || undefined,
            name: s.name,
            start: nanosToMs(s.startTimeUnixNano),
            end: nanosToMs(s.endTimeUnixNano),
            attributes: attributesOf(s.attributes),
            resource,
          })),
        );
      });
  }

  /** One span per id, as last sent (Langfuse upserts an observation sent again). */
  observations(): ReceivedSpan[] {
    const byId = new Map<string, ReceivedSpan>();
    for (const s of this.spans()) byId.set(s.spanId, s);
    return [...byId.values()];
  }

  /** Score bodies sent to the ingestion endpoint, one per score id as last sent. */
  scores(): Array<Record<string, any>> {
    const byId = new Map<string, Record<string, any>>();
    this.requests
      .filter((r) => r.path === '/api/public/ingestion')
      .flatMap((r) => r.body.batch ?? [])
      .filter((e: any) => e.type === 'score-create')
      .forEach((e: any) => byId.set(e.body.id, e.body));
    return [...byId.values()];
  }

  /** Forgets what was received (a long soak checks each wave, then clears, so the test's memory stays flat). */
  clear(): void {
    this.requests.length = 0;
  }

  get port(): number {
    return (this.server.address() as { port: number }).port;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  /** Start and end, ms since epoch. */
  start: number;
  end: number;
  attributes: Record<string, unknown>;
  resource: Record<string, unknown>;
}

function attributesOf(list: any[] | undefined): Record<string, unknown> {
  return Object.fromEntries((list ?? []).map((a: any) => [a.key, flatten(a.value)]));
}

function nanosToMs(value: unknown): number {
  return Number(BigInt(typeof value === 'string' || typeof value === 'number' ? value : 0) / 1_000_000n);
}

function flatten(value: any): unknown {
  if (value == null) return undefined;
  if ('stringValue' in value) return value.stringValue;
  if ('intValue' in value) return Number(value.intValue);
  if ('doubleValue' in value) return value.doubleValue;
  if ('boolValue' in value) return value.boolValue;
  if ('arrayValue' in value) return (value.arrayValue.values ?? []).map(flatten);
  return value;
}
