import { randomBytes } from 'node:crypto';

/** PNG's last chunk: IEND, empty, with its CRC. */
const IEND = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

/**
 * A PNG as an encoder frames one (signature, IHDR with the dimensions, IEND last) around random
 * bytes, `size` in all: only the header and the end are checked, and the random middle makes every
 * photo distinct.
 */
export function pngPhoto(size: number, width = 640, height = 480): Buffer {
  const header = Buffer.alloc(33);
  header.writeUInt32BE(0x89504e47, 0);
  header.writeUInt32BE(0x0d0a1a0a, 4);
  header.writeUInt32BE(13, 8);
  header.write('IHDR', 12, 'latin1');
  header.writeUInt32BE(width, 16);
  header.writeUInt32BE(height, 20);
  header[24] = 8;
  header[25] = 2;
  return Buffer.concat([header, randomBytes(Math.max(0, size - header.length - IEND.length)), IEND]);
}

export const dataUrl = (bytes: Buffer, mime = 'image/png') => `data:${mime};base64,${bytes.toString('base64')}`;
