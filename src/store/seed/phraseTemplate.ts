/**
 * Vocabulary sentences are plain strings with `{slot}` placeholders, so they
 * read like the listings they produce. They are split into parts once, at
 * load, so filling one in the generator's hot loop is only concatenation.
 */

/** Supplies a value for each slot; the generator keeps one per listing stream and reuses it. */
export interface SlotResolver {
  value(slot: string): string;
}

export interface PhraseTemplate {
  readonly source: string;
  /** Alternating literal text (even indices) and slot names (odd indices). */
  readonly parts: readonly string[];
}

export function compilePhrase(source: string): PhraseTemplate {
  const parts: string[] = [];
  let from = 0;
  for (;;) {
    const open = source.indexOf('{', from);
    if (open < 0) break;
    const close = source.indexOf('}', open);
    if (close < 0) throw new Error(`unclosed slot in phrase: ${source}`);
    parts.push(source.slice(from, open), source.slice(open + 1, close));
    from = close + 1;
  }
  parts.push(source.slice(from));
  return { source, parts };
}

export function slotsOf(phrase: PhraseTemplate): string[] {
  return phrase.parts.filter((_, i) => i % 2 === 1);
}

export function fillPhrase(phrase: PhraseTemplate, slots: SlotResolver): string {
  const parts = phrase.parts;
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) out += slots.value(parts[i]) + parts[i + 1];
  return out;
}
