import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Scenario } from '../src/evals/scenario.js';
import { summarizeSplits } from '../src/evals/metrics.js';
import { readReport, renderMarkdown } from '../src/evals/report.js';

const baseline = readReport('evals/baseline.json');

describe('splits', () => {
  const minimal = { id: 'x', title: 'x', tags: ['x'], persona: { sellerId: 'seller-1', description: 'x' }, turns: [{ say: 'hi' }], expect: {} };

  it('puts a scenario in train unless it says test, and accepts nothing else', () => {
    expect(Scenario.parse(minimal).split).toBe('train');
    expect(Scenario.parse({ ...minimal, split: 'test' }).split).toBe('test');
    expect(Scenario.safeParse({ ...minimal, split: 'validation' }).success).toBe(false);
  });

  it('reports success per split, an empty split as having no scenarios', () => {
    const splits = summarizeSplits([
      { split: 'train', successRate: 1 },
      { split: 'train', successRate: 0 },
    ]);
    expect(splits).toEqual([
      { split: 'train', scenarios: 2, successRate: 0.5 },
      { split: 'test', scenarios: 0, successRate: null },
    ]);
    const markdown = renderMarkdown({ ...baseline, splits }, 'chart.svg');
    expect(markdown).toContain('| train | 2 | 50.0% |');
    expect(markdown).toContain('| test | 0 | n/a (no scenarios) |');
  });

  it('reads a report written before splits as all train', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eval-splits-'));
    try {
      const { splits: _splits, ...old } = baseline;
      const path = join(dir, 'old.json');
      writeFileSync(path, JSON.stringify({ ...old, scenarios: baseline.scenarios.map(({ split: _split, ...s }) => s) }));
      const read = readReport(path);
      expect(read.scenarios.every((s) => s.split === 'train')).toBe(true);
      expect(read.splits).toEqual(summarizeSplits(baseline.scenarios.map((s) => ({ ...s, split: 'train' as const }))));
      expect(read.splits.find((s) => s.split === 'test')).toEqual({ split: 'test', scenarios: 0, successRate: null });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
