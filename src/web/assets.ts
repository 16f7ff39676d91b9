import { existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';

export interface Asset {
  body: string;
  type: string;
  etag: string;
}

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const SCRIPTS = ['chat', 'support', 'dashboard', 'review', 'listing'] as const;
export type ScriptName = (typeof SCRIPTS)[number];
const JS = 'text/javascript; charset=utf-8';

const asset = (body: string, type: string): Asset => ({
  body,
  type,
  etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"`,
});

/**
 * The pages' scripts are TypeScript in `client/`. The built server (`npm run
 * build`) finds them bundled next to it in `dist/web/client/` and only reads
 * them; run from source (tests, `npm run dev`), esbuild bundles them once per
 * process (tens of milliseconds). Either way they are served from memory: no
 * CDN, and the client shares the server's types.
 */
export class WebAssets {
  private bundles?: Promise<Map<string, Asset>>;

  get(name: string): Promise<Asset | undefined> {
    this.bundles ??= existsSync(here('./client/chat.js')) ? Promise.resolve(this.prebuilt()) : this.build();
    return this.bundles.then((all) => all.get(name));
  }

  private prebuilt(): Map<string, Asset> {
    const all = new Map<string, Asset>(
      SCRIPTS.map((s) => [`${s}.js`, asset(readFileSync(here(`./client/${s}.js`), 'utf8'), JS)]),
    );
    return this.withStyles(all);
  }

  private async build(): Promise<Map<string, Asset>> {
    // Imported here so the built server never loads esbuild (a dev dependency, absent in production).
    const { build } = await import('esbuild');
    const result = await build({
      entryPoints: Object.fromEntries(SCRIPTS.map((s) => [s, here(`./client/${s}.ts`)])),
      bundle: true,
      write: false,
      format: 'esm',
      target: 'es2022',
      minify: true,
      outdir: 'out',
      logLevel: 'silent',
    });
    const all = new Map<string, Asset>();
    for (const file of result.outputFiles) all.set(file.path.split('/').pop()!, asset(file.text, JS));
    return this.withStyles(all);
  }

  private withStyles(all: Map<string, Asset>): Map<string, Asset> {
    all.set('styles.css', asset(readFileSync(here('./client/styles.css'), 'utf8'), 'text/css; charset=utf-8'));
    return all;
  }
}
