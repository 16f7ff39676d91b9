import { modelEnvironment, parseCliArgs, runCli, UsageError } from './cliArgs.js';
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
  const values = parseCliArgs({
    options: {
      split: { type: 'string' },
      model: { type: 'string', default: 'offline' },
      out: { type: 'string', default: 'evals/reports' },
      name: { type: 'string' },
    },
  });
  if (values.split && !(SPLITS as readonly string[]).includes(values.split))
    throw new UsageError(`unknown split ${values.split}`);
  const env = modelEnvironment(values.model);
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

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = await runCli(USAGE, main);
