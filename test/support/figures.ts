import { appendFileSync } from 'node:fs';

/**
 * A line of reliability figures (runs tried, faults injected, requests fuzzed,
 * violations found): printed with the test's output, and collected for the
 * summary `.ci/run` prints at the end when RELIABILITY_FIGURES names a file.
 */
export function reportFigures(line: string): void {
  console.log(line);
  const file = process.env.RELIABILITY_FIGURES;
  if (file) appendFileSync(file, `${line}\n`);
}
