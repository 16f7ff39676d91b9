import { readReport } from './report.js';
import { compareReports } from './comparison.js';

/** `npm run evals:compare -- A.json B.json`: prints the side-by-side table, A being the reference. */
const [a, b] = process.argv.slice(2).filter((arg) => arg !== '--');
if (!a || !b) {
  console.error('usage: npm run evals:compare -- A.json B.json');
  process.exitCode = 2;
} else {
  console.log(`A = ${a}\nB = ${b}\n`);
  console.log(compareReports(readReport(a), readReport(b)));
}
