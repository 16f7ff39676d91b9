import { randomBytes } from 'node:crypto';

/**
 * A PNG as an encoder starts one (signature, IHDR with the dimensions), followed by `size` random
 * bytes: only the header is checked, and the random tail makes every photo distinct.
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
  return Buffer.concat([header, randomBytes(Math.max(0, size - header.length))]);
}

export const dataUrl = (bytes: Buffer, mime = 'image/png') => `data:${mime};base64,${bytes.toString('base64')}`;
