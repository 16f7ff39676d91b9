import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export interface Asset {
  body: string;
  type: string;
  etag: string;
}

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const SCRIPTS = ['chat', 'support', 'dashboard', 'review', 'listing'] as const;
export type ScriptName = (typeof SCRIPTS)[number];

const asset = (body: string, type: string): Asset => ({
  body,
  type,
  etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"`,
});

/**
 * The pages' scripts are TypeScript in `client/`, bundled by esbuild once per
 * process (tens of milliseconds) and served from memory: no build step, no
 * CDN, and the client shares the server's types.
 */
export class WebAssets {
  private bundles?: Promise<Map<string, Asset>>;

  get(name: string): Promise<Asset | undefined> {
    this.bundles ??= this.build();
    return this.bundles.then((all) => all.get(name));
  }

  private async build(): Promise<Map<string, Asset>> {
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
    for (const file of result.outputFiles)
      all.set(file.path.split('/').pop()!, asset(file.text, 'text/javascript; charset=utf-8'));
    all.set('styles.css', asset(readFileSync(here('./client/styles.css'), 'utf8'), 'text/css; charset=utf-8'));
    return all;
  }
}
