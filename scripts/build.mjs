// `npm run build`: the server compiled to dist/ (one JavaScript module per TypeScript one, same layout, so
// paths relative to a module still find policies/ and the prompts), and the pages' scripts bundled beside
// it. Plain JavaScript, so `npm start` can call it without tsx. Types are checked by `npm run typecheck`.
import { build } from 'esbuild';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = join(root, 'src');
const dist = join(root, 'dist');
const client = join(src, 'web', 'client');
/** The pages' entry scripts, served as /assets/<name>.js (src/web/assets.ts lists the same names). */
const PAGES = ['chat', 'support', 'dashboard', 'review', 'listing'];

/** Every file under `dir`, recursively. */
function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? files(path) : [path];
  });
}

const started = Date.now();
rmSync(dist, { recursive: true, force: true });
const sources = files(src).filter((f) => /\.tsx?$/.test(f) && !f.startsWith(client + '/'));
await build({
  entryPoints: sources,
  outbase: src,
  outdir: dist,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  jsx: 'automatic',
  jsxImportSource: 'hono/jsx',
  sourcemap: true,
  logLevel: 'warning',
});
// Files the modules read at run time, next to them as in src/.
for (const file of files(src).filter((f) => f.endsWith('.md')))
  cpSync(file, join(dist, relative(src, file)), { recursive: true });

// The web client: bundled once here instead of at the server's first request.
mkdirSync(join(dist, 'web', 'client'), { recursive: true });
await build({
  entryPoints: Object.fromEntries(PAGES.map((page) => [page, join(client, `${page}.ts`)])),
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  outdir: join(dist, 'web', 'client'),
  logLevel: 'warning',
});
cpSync(join(client, 'styles.css'), join(dist, 'web', 'client', 'styles.css'));
// Written last: start.mjs compares the sources with this stamp, so a half-written dist/ counts as stale.
writeFileSync(join(dist, 'BUILD'), `${new Date().toISOString()}\n`);
console.log(`built dist/ (${sources.length} modules, ${PAGES.length} page scripts) in ${Date.now() - started} ms`);
