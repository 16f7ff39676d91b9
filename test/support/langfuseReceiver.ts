import { createServer, type IncomingMessage, type Server } from 'node:http';
import { gunzipSync } from 'node:zlib';

export interface ReceivedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  raw: string;
  body: any;
}

/** A local stand-in for Langfuse: records what the real SDK sends to the OTLP and ingestion endpoints. */
export const RECEIVER_PROJECT_ID = 'proj-receiver';

export class LangfuseReceiver {
  readonly requests: ReceivedRequest[] = [];
  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(options: { delayMs?: number } = {}): Promise<LangfuseReceiver> {
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
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    const receiver = new LangfuseReceiver(server, `http://127.0.0.1:${port}`);
    return receiver;
  }

  /** Every OTLP span received, with attributes flattened to plain values. */
  spans(): Array<{
    traceId: string;
    spanId: string;
    parentSpanId?: string;
    name: string;
    attributes: Record<string, unknown>;
  }> {
    return this.requests
      .filter((r) => r.path.startsWith('/api/public/otel/v1/traces'))
      .flatMap((r) => r.body.resourceSpans ?? [])
      .flatMap((rs: any) => rs.scopeSpans ?? [])
      .flatMap((ss: any) => ss.spans ?? [])
      .map((s: any) => ({
        traceId: s.traceId,
        spanId: s.spanId,
        parentSpanId: s.parentSpanId || undefined,
        name: s.name,
        attributes: Object.fromEntries((s.attributes ?? []).map((a: any) => [a.key, flatten(a.value)])),
      }));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
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
