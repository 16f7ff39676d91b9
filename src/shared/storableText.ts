/**
 * Text a database can store. Two things a JavaScript string may hold have no UTF-8 form that
 * PostgreSQL accepts: NUL (U+0000, refused in text and in JSON read as text) and a UTF-16
 * surrogate without its pair (no character at all). Requests carrying them are refused at the API
 * (src/api/requestShape.ts); text from elsewhere (the model's replies and tool arguments) is stored with
 * U+FFFD in their place (`storableText`, `storableJson`) rather than failing the run.
 */
// eslint-disable-next-line no-control-regex -- NUL is what this looks for
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');
/** Cheap first look: most strings hold neither NUL nor any surrogate. */
// eslint-disable-next-line no-control-regex -- NUL is what this looks for
const SUSPECT = /[\u0000\uD800-\uDFFF]/;
/** The same two as JSON.stringify writes them: `\u0000` and a lone surrogate's `\udxxx` (pairs stay raw). */
const UNSTORABLE_ESCAPE = /(?<!\\)((?:\\\\)*)\\u(?:0000|d[89a-f][0-9a-f]{2})/gi;

export const REPLACEMENT_CHARACTER = '\uFFFD';

export function hasUnstorableText(s: string): boolean {
  return SUSPECT.test(s) && UNSTORABLE.test(s);
}

/** `s` with NUL and lone surrogates replaced by U+FFFD (the same string when it has none). */
export function storableText(s: string): string {
  return hasUnstorableText(s) ? s.replace(UNSTORABLE_ALL, REPLACEMENT_CHARACTER) : s;
}

/** JSON text (as JSON.stringify writes it) with the escapes of NUL and lone surrogates replaced by U+FFFD. */
export function storableJson(text: string): string {
  return text.includes('\\u') ? text.replace(UNSTORABLE_ESCAPE, `$1${REPLACEMENT_CHARACTER}`) : text;
}
