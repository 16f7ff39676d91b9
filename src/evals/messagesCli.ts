import { parseArgs } from 'node:util';
import { reportStamp, writeSideReport } from './report.js';
import { meetsTargets, messagesMarkdown, runMessageSets, SPLITS, type Split } from './messages.js';

/**
 * `npm run evals:messages -- [--split train|test] [--model NAME] [--out evals/reports] [--name NAME]`
 * Runs the labelled seller messages (evals/messages/) through the assistant, the
 * offline model unless `--model` says otherwise, and writes
 * `<out>/messages-<name or stamp>.json|.md`. Exit code 1 when a split misses the targets.
 */
const USAGE = 'usage: npm run evals:messages -- [--split train|test] [--model NAME] [--out DIR] [--name NAME]';

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        split: { type: 'string' },
        model: { type: 'string', default: 'offline' },
        out: { type: 'string', default: 'evals/reports' },
        name: { type: 'string' },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.split && !(SPLITS as readonly string[]).includes(values.split)) {
    console.error(`unknown split ${values.split}\n${USAGE}`);
    return 2;
  }
  const env: Record<string, string | undefined> = { ...process.env, AGENT_MODEL: values.model };
  if (values.model !== 'offline' && !env.OPENAI_API_KEY && !env.OPENAI_BASE_URL) {
    console.error(`--model ${values.model} needs OPENAI_API_KEY or OPENAI_BASE_URL; without them only "offline" runs.`);
    return 2;
  }
  const splits = values.split ? [values.split as Split] : SPLITS;
  const report = await runMessageSets(env, splits);
  const files = writeSideReport(values.out, 'messages', values.name ?? reportStamp(), report, messagesMarkdown(report));
  for (const s of report.splits)
    console.log(
      `${s.split}: ${s.messages} messages · sensible ${s.sensible} · honest ${s.honest} · wrong ${s.wrong}${meetsTargets(s) ? '' : ' (targets missed)'}`,
    );
  console.log(`report: ${files.markdown}`);
  return report.splits.every(meetsTargets) ? 0 : 1;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    process.exitCode = await main();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
  }
}
