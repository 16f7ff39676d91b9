// `npm start`: runs the built server (dist/server.js) with plain Node. Builds it first when dist/ is missing
// or older than the sources and the build tools are installed, so `npm install && npm start` works on a
// fresh clone; a production install (`npm ci --omit=dev`) has no esbuild and runs dist/ as it is.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stamp = join(root, 'dist', 'BUILD');

/** The newest modification time under `dir`, in ms. */
function newest(dir) {
  return readdirSync(dir, { withFileTypes: true }).reduce((latest, entry) => {
    const path = join(dir, entry.name);
    return Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }, 0);
}

function canBuild() {
  try {
    createRequire(import.meta.url).resolve('esbuild');
    return true;
  } catch {
    return false;
  }
}

const built = existsSync(stamp) ? statSync(stamp).mtimeMs : undefined;
const sourcesChanged = existsSync(join(root, 'src')) && (built === undefined || newest(join(root, 'src')) > built);
if (sourcesChanged && canBuild()) {
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
} else if (built === undefined) {
  console.error('dist/ is missing and esbuild is not installed: run `npm ci && npm run build` first.');
  process.exit(1);
} else if (sourcesChanged) {
  console.error('note: src/ is newer than dist/, and without esbuild it cannot be rebuilt; running dist/ as built.');
}
await import(pathToFileURL(join(root, 'dist', 'server.js')).href);
