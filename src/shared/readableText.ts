/**
 * Text as a reader sees it: listing text as it may be published and shown, and a seller's message as
 * the model gets it. Sellers' text (and a model's draft of it) can
 * carry characters that change how it reads without being seen: direction overrides that reorder
 * the confirmation card ("€500" shown as "€005"), zero-width characters, Unicode tag characters
 * that smuggle hidden instructions to a model, control characters that break logs and exports,
 * and line breaks in a title that fake a second line of the card. They are removed, except the
 * joiners emoji and some scripts need; what is left is what a reader sees.
 */
import { storableText } from './storableText.js';

const INVISIBLE = /(?![\u200C\u200D])\p{Cf}/gu;
const LINE_BREAKS = /\r\n?|[\p{Zl}\p{Zp}]/gu;
// Every control character but the line feed and the tab.
const CONTROL = /(?![\n\t])\p{Cc}/gu;

/** Multi-line text (a description): line feeds and tabs stay, invisible and control characters go. */
export function cleanText(text: string): string {
  // NUL went with the control characters; a lone surrogate (no character at all) becomes U+FFFD, as stored text does.
  return storableText(text.replace(INVISIBLE, '').replace(LINE_BREAKS, '\n').replace(CONTROL, ''));
}

/** One line (a title): as `cleanText`, and any line break or tab becomes a space, runs of spaces one. */
export function cleanLine(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ');
}
