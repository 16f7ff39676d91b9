/**
 * `npm run lint:imports`: the import rules of docs/architecture.md, checked on the code as it is.
 * - no cycle between files, and none between folders (a folder is one concept: src/<folder>);
 * - every import goes to the same folder or to a lower layer: api -> agent -> tools -> approvals -> policy -> store,
 *   with tracing observing from the side (it may read the store, and nothing below the agent calls it).
 * Exits 1 with every broken rule listed.
 */
import madge from 'madge';

/** Lowest first. Folders in one layer may import each other as long as no folder cycle forms. */
const LAYERS: string[][] = [
  ['shared', 'domain', 'errors', 'faults', 'config', 'logging'],
  ['store'],
  ['policy'],
  ['approvals'],
  ['tools'],
  ['tracing'],
  ['agent'],
  ['replay', 'evals', 'feedback', 'metrics', 'monitoring'],
  ['web', 'api'],
  ['service'],
  ['server', 'cli'],
];

const rank = new Map(LAYERS.flatMap((folders, i) => folders.map((f) => [f, i] as const)));
/** `agent/offline/draft.ts` -> `agent`; `service.ts` -> `service`. */
const folderOf = (file: string) => file.split('/')[0].replace(/\.tsx?$/, '');

const result = await madge('src', {
  fileExtensions: ['ts', 'tsx'],
  tsConfig: 'tsconfig.json',
  detectiveOptions: { ts: { skipTypeImports: false }, tsx: { skipTypeImports: false } },
});
const graph = result.obj();
const problems: string[] = [];

for (const cycle of result.circular()) problems.push(`file cycle: ${cycle.join(' -> ')} -> ${cycle[0]}`);

const folderEdges = new Map<string, Set<string>>();
for (const [file, deps] of Object.entries(graph)) {
  const from = folderOf(file);
  if (!rank.has(from)) problems.push(`${file}: folder "${from}" has no layer in scripts/checkImports.ts`);
  for (const dep of deps) {
    const to = folderOf(dep);
    if (to === from) continue;
    if (!folderEdges.has(from)) folderEdges.set(from, new Set());
    folderEdges.get(from)!.add(to);
    if ((rank.get(to) ?? -1) > (rank.get(from) ?? Infinity)) {
      problems.push(`${file} imports ${dep}: ${from} may not depend on ${to}, a higher layer`);
    }
  }
}

// Folder cycles: a depth-first search that reports each back edge's loop once.
const state = new Map<string, 'open' | 'done'>();
const path: string[] = [];
function visit(folder: string): void {
  state.set(folder, 'open');
  path.push(folder);
  for (const next of folderEdges.get(folder) ?? []) {
    if (state.get(next) === 'open')
      problems.push(`folder cycle: ${[...path.slice(path.indexOf(next)), next].join(' -> ')}`);
    else if (!state.has(next)) visit(next);
  }
  path.pop();
  state.set(folder, 'done');
}
for (const folder of folderEdges.keys()) if (!state.has(folder)) visit(folder);

if (problems.length) {
  console.error(`import rules broken (${problems.length}):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
console.log(`imports ok: ${Object.keys(graph).length} files, no cycles, every import at its layer or below`);
