import { linkSync, mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

export class ScenarioFileExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists`);
  }
}

/**
 * Writes a scenario file atomically and never over an existing one: the JSON
 * goes to a temporary file in the same directory, which is then hard-linked
 * to its name. `link` fails if the name exists (unlike `rename`, which would
 * replace it), so a reader sees no file or the whole file, and two writers of
 * one name cannot both win.
 */
export function writeScenarioFile(dir: string, name: string, content: unknown): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  const temporary = join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  writeFileSync(temporary, `${JSON.stringify(content, null, 2)}\n`, { flag: 'wx' });
  try {
    linkSync(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new ScenarioFileExistsError(path);
    throw error;
  } finally {
    unlinkSync(temporary);
  }
  return path;
}
