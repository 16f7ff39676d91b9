import { describe, expect, it } from 'vitest';
import { modelEnvironment, parseCliArgs, runCli, trialOptions, UsageError } from '../src/evals/cliArgs.js';

describe('the evals commands’ shared command line', () => {
  it('turns an unknown flag into a usage error, not a stack trace', async () => {
    const lines: string[] = [];
    const code = await runCli(
      'usage: npm run x -- [--out DIR]',
      async () => {
        parseCliArgs({ args: ['--database', 'x'], options: { out: { type: 'string' } } });
        return 0;
      },
      (line) => lines.push(line),
    );
    expect(code).toBe(2);
    expect(lines.join('\n')).toMatch(/Unknown option '--database'\nusage: npm run x/);
  });

  it('checks trials and concurrency', () => {
    expect(trialOptions({ trials: '3', concurrency: '2' })).toEqual({ trials: 3, concurrency: 2 });
    expect(trialOptions({ trials: '1' })).toEqual({ trials: 1, concurrency: undefined });
    for (const bad of [{ trials: '0' }, { trials: '1.5' }, { trials: 'x' }, { trials: '2', concurrency: '-1' }])
      expect(() => trialOptions(bad)).toThrow(UsageError);
  });

  it('refuses a remote model without a provider, and keeps the offline one', () => {
    const saved = { key: process.env.OPENAI_API_KEY, url: process.env.OPENAI_BASE_URL };
    delete process.env.OPENAI_API_KEY;
    delete process.env.OPENAI_BASE_URL;
    try {
      expect(() => modelEnvironment('gpt-4o')).toThrow(/needs OPENAI_API_KEY or OPENAI_BASE_URL/);
      expect(modelEnvironment('offline').AGENT_MODEL).toBe('offline');
      process.env.OPENAI_BASE_URL = 'http://127.0.0.1:9/v1';
      expect(modelEnvironment('qwen2.5:14b').AGENT_MODEL).toBe('qwen2.5:14b');
    } finally {
      if (saved.key === undefined) delete process.env.OPENAI_API_KEY;
      else process.env.OPENAI_API_KEY = saved.key;
      if (saved.url === undefined) delete process.env.OPENAI_BASE_URL;
      else process.env.OPENAI_BASE_URL = saved.url;
    }
  });

  it('reports any other failure by its message alone', async () => {
    const lines: string[] = [];
    const code = await runCli(
      'usage',
      () => Promise.reject(new Error('unknown prompt version v9')),
      (l) => lines.push(l),
    );
    expect(code).toBe(2);
    expect(lines).toEqual(['unknown prompt version v9']);
  });
});
