/**
 * "ps4 + 2 controllers 😀 150", "🚲 bike for sale 90": pictographs carry no words the rules read, and
 * between an item and its price they hide the price. They are read as a space; a message of nothing but
 * pictographs ("👍") is left as sent.
 */
const PICTOGRAPH = /\p{Extended_Pictographic}(?:\u{FE0F}|\p{Emoji_Modifier}|\u{200D}\p{Extended_Pictographic})*/gu;

export function withoutEmoji(text: string): string {
  const plain = text
    .replace(PICTOGRAPH, ' ')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
  return /[\p{L}\p{N}]/u.test(plain) ? plain : text;
}
