import { Writable } from 'node:stream';
import { createLogger, type LevelWithSilent, type Logger } from '../../src/logging/logger.js';

/** A real service logger (same masking and redaction) whose JSON lines are kept for the test to read. */
export function captureLogs(level: LevelWithSilent = 'debug'): {
  logger: Logger;
  raw: string[];
  lines: () => Array<Record<string, any>>;
} {
  const raw: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      raw.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  const logger = createLogger({ level, destination: destination });
  return { logger, raw, lines: () => raw.map((line) => JSON.parse(line)) };
}
