import { Hono } from 'hono';
import { html, raw } from 'hono/html';
import { generateSpecs } from 'hono-openapi';
import { TOOL_SPECS } from '../../tools/index.js';

type Spec = Awaited<ReturnType<typeof generateSpecs>>;

const toolsThat = (effect: 'read' | 'write') =>
  TOOL_SPECS.filter((t) => t.effect === effect)
    .map((t) => `\`${t.name}\``)
    .join(', ');

export const DOCUMENTATION = {
  openapi: '3.1.0',
  info: {
    title: 'Listing assistant API',
    version: '0.1.0',
    description:
      'Sellers chat with an assistant that drafts, prices and posts classifieds listings; every write waits for the seller to approve the exact action. ' +
      `The assistant reads with ${toolsThat('read')} and writes with ${toolsThat('write')}. ` +
      'Support staff read and replay traces. All bodies are JSON; errors are `{"error":{"code","message"}}`.',
  },
  components: { securitySchemes: { bearer: { type: 'http' as const, scheme: 'bearer' } } },
  security: [{ bearer: [] }],
};

/** `/api/openapi.json` and a readable reference at `/api/docs`, both generated from the routes' zod schemas. */
export function docsRoutes(specFor: () => Promise<Spec>): Hono {
  const app = new Hono();
  app.get('/openapi.json', async (c) => c.json(await specFor()));
  app.get('/docs', async (c) => c.html(renderReference(await specFor())));
  return app;
}

const esc = (s: string | undefined) =>
  (s ?? '').replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);

/** The parts of an OpenAPI operation the reference shows (parameters given as a $ref have no name). */
interface Operation {
  summary?: string;
  parameters?: { name?: string; in?: string; required?: boolean }[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string }>;
}

function renderReference(spec: Spec) {
  const operations = Object.entries(spec.paths ?? {}).flatMap(([path, item]) =>
    Object.entries(item ?? {}).map(([method, op]) => ({ path, method, op: op as Operation })),
  );
  const rows = operations
    .map(({ path, method, op }) => {
      const params = (op.parameters ?? [])
        .map((p) => `<code>${esc(p.name)}</code> (${esc(p.in)}${p.required ? ', required' : ''})`)
        .join(', ');
      const body = op.requestBody?.content?.['application/json']?.schema;
      const responses = Object.entries(op.responses ?? {})
        .map(([code, r]) => `<li><b>${esc(code)}</b> ${esc(r.description)}</li>`)
        .join('');
      return `<section id="${esc(method + path)}"><h3><span class="m ${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h3>
        <p>${esc(op.summary)}</p>${params ? `<p>Parameters: ${params}</p>` : ''}
        ${body ? `<details><summary>Request body</summary><pre>${esc(JSON.stringify(body, null, 2))}</pre></details>` : ''}
        <ul>${responses}</ul></section>`;
    })
    .join('');
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${spec.info?.title} reference</title>
        <style>
          body {
            font:
              15px/1.5 system-ui,
              sans-serif;
            max-width: 960px;
            margin: 2rem auto;
            padding: 0 1rem;
            color: #1d2330;
          }
          section {
            border-top: 1px solid #e3e6ec;
            padding: 0.5rem 0;
          }
          code,
          pre {
            font:
              13px ui-monospace,
              monospace;
          }
          pre {
            background: #f5f6f8;
            padding: 0.75rem;
            overflow: auto;
          }
          .m {
            display: inline-block;
            min-width: 4.5em;
            text-align: center;
            border-radius: 4px;
            color: #fff;
            font-size: 12px;
            padding: 2px 6px;
          }
          .get {
            background: #2f7d4f;
          }
          .post {
            background: #2f5f9e;
          }
        </style>
      </head>
      <body>
        <h1>${spec.info?.title}</h1>
        <p>${spec.info?.description}</p>
        <p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${spec.openapi}).</p>
        ${raw(rows)}
      </body>
    </html>`;
}
