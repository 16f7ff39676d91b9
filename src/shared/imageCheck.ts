/**
 * Uploaded images are untrusted bytes: an image is accepted only when its content is what its data
 * URL says (magic bytes), it decodes within the size cap, its header gives sane dimensions, and it
 * ends as its format ends (a cut-off upload would break the listing's page and every later model
 * call that shows it). Only the header and the end are read; the pixels are the vision model's business.
 */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MAX_IMAGE_SIDE = 10_000;
export const MAX_IMAGE_PIXELS = 50_000_000;

export type ImageType = 'png' | 'jpeg' | 'webp' | 'gif';
export interface ImageFacts {
  type: ImageType;
  bytes: number;
  width: number;
  height: number;
}

/**
 * The longest data URL worth decoding: a 5 MB image in base64, with room for a line break every 76
 * characters (MIME encoders wrap base64 so) and for the header.
 */
export const MAX_IMAGE_DATA_URL_CHARS = Math.ceil(((MAX_IMAGE_BYTES * 4) / 3) * (78 / 76)) + 64;

const HEADER = /^data:image\/(png|jpeg|jpg|webp|gif);base64,/;
/** An empty file, as a browser reads one (`data:` with or without its type). */
const EMPTY_DATA_URL = /^data:([\w.+-]+\/[\w.+-]+)?(;base64)?,$/;
/** What RFC 2045 decoders and browsers' `atob` skip inside base64: line breaks, tabs, form feeds, spaces. */
const ASCII_WHITESPACE = /[\t\n\f\r ]+/g;
const NOT_BASE64 = /[^A-Za-z0-9+/=]/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** The image's facts, or the reason it is refused (a sentence for a 400). */
export function inspectImage(dataUrl: string): ImageFacts | { error: string } {
  const decoded = decodeImage(dataUrl);
  return 'error' in decoded ? decoded : decoded.facts;
}

/**
 * The image's bytes and facts, or the reason it is refused. Base64 wrapped over several lines (as MIME
 * encoders write it) is accepted: whitespace inside it is skipped, as RFC 2045 decoders do.
 */
export function decodeImage(dataUrl: string): { facts: ImageFacts; data: Buffer } | { error: string } {
  const header = HEADER.exec(dataUrl);
  if (!header && EMPTY_DATA_URL.test(dataUrl)) return { error: 'is empty: the file has no bytes' };
  if (!header) return { error: 'must be a base64 data URL of a PNG, JPEG, WebP or GIF image' };
  const declared = (header[1] === 'jpg' ? 'jpeg' : header[1]) as ImageType;
  const base64 = dataUrl.slice(header[0].length).replace(ASCII_WHITESPACE, '');
  if (!base64) return { error: 'is empty: the file has no bytes' };
  const stray = NOT_BASE64.exec(base64);
  if (stray)
    return {
      error: `has ${JSON.stringify(stray[0])} in its base64, which uses only A-Z, a-z, 0-9, + and / (= at the end)`,
    };
  if (!BASE64.test(base64)) return { error: 'has "=" inside its base64: padding may only end it' };
  if ((base64.length * 3) / 4 > MAX_IMAGE_BYTES + 3) return { error: 'image is larger than 5 MB' };
  const bytes = Buffer.from(base64, 'base64');
  const found = sniff(bytes);
  if (!found) return { error: `is not a ${declared.toUpperCase()} image: its content is not an image we accept` };
  if (found.type !== declared)
    return { error: `says it is ${declared.toUpperCase()} but its content is ${found.type.toUpperCase()}` };
  const { width, height } = found;
  if (!(width > 0 && height > 0)) return { error: 'has no readable dimensions (a truncated or damaged image)' };
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS)
    return { error: `is ${width}x${height} pixels; the limit is ${MAX_IMAGE_SIDE} per side` };
  if (!complete(bytes, found)) return { error: 'is cut short: it does not end as a whole image does' };
  return { facts: { type: found.type, bytes: bytes.length, width, height }, data: bytes };
}

const PNG_END = Buffer.from('IEND', 'latin1');
const JPEG_END = Buffer.from([0xff, 0xd9]);

/**
 * Whether the image reaches its format's end: PNG's IEND chunk, JPEG's end-of-image marker after
 * the frame header (an EXIF thumbnail has its own, before it), GIF's trailer byte, as many bytes as
 * WebP's RIFF header announces. Bytes after the end (some cameras append data) are allowed.
 */
function complete(b: Buffer, found: Sniffed): boolean {
  switch (found.type) {
    case 'png':
      return b.lastIndexOf(PNG_END) > 32;
    case 'jpeg':
      return b.lastIndexOf(JPEG_END) > (found.frameAt ?? b.length);
    case 'gif':
      return b[b.length - 1] === 0x3b;
    case 'webp':
      return b.readUInt32LE(4) + 8 <= b.length;
  }
}

interface Sniffed {
  type: ImageType;
  width: number;
  height: number;
  /** JPEG: where the frame header starts. */
  frameAt?: number;
}

function sniff(b: Buffer): Sniffed | undefined {
  if (b.length >= 24 && b.readUInt32BE(0) === 0x89504e47 && b.readUInt32BE(4) === 0x0d0a1a0a) {
    // IHDR is the first chunk: width and height at bytes 16..23.
    if (b.toString('latin1', 12, 16) !== 'IHDR') return undefined;
    return { type: 'png', width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  }
  if (b.length >= 10 && (b.toString('latin1', 0, 6) === 'GIF87a' || b.toString('latin1', 0, 6) === 'GIF89a'))
    return { type: 'gif', width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
  if (b.length >= 30 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return webp(b);
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return jpeg(b);
  return undefined;
}

function webp(b: Buffer): { type: 'webp'; width: number; height: number } | undefined {
  const chunk = b.toString('latin1', 12, 16);
  if (chunk === 'VP8X') return { type: 'webp', width: 1 + b.readUIntLE(24, 3), height: 1 + b.readUIntLE(27, 3) };
  if (chunk === 'VP8L' && b[20] === 0x2f) {
    const bits = b.readUInt32LE(21);
    return { type: 'webp', width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
  }
  if (chunk === 'VP8 ' && b.length >= 30)
    return { type: 'webp', width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
  return undefined;
}

/** Walks JPEG segments to the first start-of-frame marker, which holds the dimensions. */
function jpeg(b: Buffer): Sniffed | undefined {
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return undefined;
    const marker = b[at + 1];
    if (marker === 0xff) {
      at++;
      continue;
    }
    const length = b.readUInt16BE(at + 2);
    const startOfFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (startOfFrame)
      return { type: 'jpeg', height: b.readUInt16BE(at + 5), width: b.readUInt16BE(at + 7), frameAt: at };
    if (length < 2) return undefined;
    at += 2 + length;
  }
  return undefined;
}
