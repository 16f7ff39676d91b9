import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fullStack } from './lib/fullStack.js';
import { countStatements } from './lib/sqliteStatements.js';

/**
 * Every SQLite statement of the overhead bench's conversation (create conversation, message ->
 * search -> draft paused for approval, approve -> post), per conversation and by SQL text:
 * `npx tsx bench/statements.ts`. BENCH_ITERATIONS conversations (100 by default) after 20 of warm-up.
 */
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 100);
const dir = mkdtempSync(join(tmpdir(), 'bench-statements-'));
let counter: ReturnType<typeof countStatements> | undefined;
const { service, conversation } = await fullStack(dir, 2000, (db) => (counter = countStatements(db)));
for (let i = 0; i < 20; i++) await conversation(i);
counter!.reset();
for (let i = 0; i < ITERATIONS; i++) await conversation(1000 + i);
const rows = counter!.read();
let total = 0;
for (const [sql, n] of rows) {
  total += n;
  console.log(`${(n / ITERATIONS).toFixed(2).padStart(6)}  ${sql.slice(0, 110)}`);
}
console.log(`${(total / ITERATIONS).toFixed(2).padStart(6)}  statements per conversation`);
await service.store.close();
rmSync(dir, { recursive: true, force: true });
