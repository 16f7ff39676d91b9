import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A worker thread running one of this project's modules, given by its TypeScript URL. Built (`npm run
 * build`: this module is `.js` too) the thread runs the compiled `.js` sibling with plain Node. From
 * source a worker does not inherit the main thread's loader hooks, so it registers tsx's itself first.
 */
export function workerThread(source: URL, options: WorkerOptions): Worker {
  if (import.meta.url.endsWith('.js')) return new Worker(new URL(source.href.replace(/\.ts$/, '.js')), options);
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(source.href)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}
