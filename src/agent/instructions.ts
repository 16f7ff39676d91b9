import { readFileSync, existsSync } from 'node:fs';

export interface Instructions {
  version: string;
  text: string;
}

const DIR = new URL('./instructions/', import.meta.url);

/**
 * Versioned instructions live in `instructions/<version>.md`, so a prompt change is a reviewed file, and every run
 * records which one it used.
 */
export function loadInstructions(version: string): Instructions {
  if (!/^[\w.-]+$/.test(version)) throw new Error(`Invalid prompt version "${version}"`);
  const url = new URL(`${version}.md`, DIR);
  if (!existsSync(url)) throw new Error(`Unknown prompt version "${version}" (no ${url.pathname})`);
  return { version, text: readFileSync(url, 'utf8') };
}
