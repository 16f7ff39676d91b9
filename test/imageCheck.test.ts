import { afterEach, describe, expect, it } from 'vitest';
import { ScriptedModel } from '@openai/agents/testing';
import { decodeImage, inspectImage } from '../src/shared/imageCheck.js';
import { createHarness, type Harness } from './support/harness.js';
import { say } from './support/scripts.js';
import { pngPhoto } from './support/photos.js';

// Images framed here byte by byte, as encoders write them (only the header and the end are checked).
const png = (width: number, height: number) => pngPhoto(0, width, height);
function gif(width: number, height: number): Buffer {
  const b = Buffer.alloc(14);
  b.write('GIF89a', 0, 'latin1');
  b.writeUInt16LE(width, 6);
  b.writeUInt16LE(height, 8);
  b[13] = 0x3b; // the trailer
  return b;
}
function jpeg(width: number, height: number): Buffer {
  // SOI, an APP0 segment to skip, then SOF0 with height and width.
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0]);
  const sof = Buffer.alloc(19);
  sof.writeUInt16BE(0xffc0, 0);
  sof.writeUInt16BE(17, 2);
  sof[4] = 8;
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, Buffer.from([0xff, 0xd9])]);
}
function webp(width: number, height: number): Buffer {
  const b = Buffer.alloc(30);
  b.write('RIFF', 0, 'latin1');
  b.writeUInt32LE(22, 4);
  b.write('WEBPVP8X', 8, 'latin1');
  b.writeUIntLE(width - 1, 24, 3);
  b.writeUIntLE(height - 1, 27, 3);
  return b;
}
/** A WebP whose RIFF header announces `size` bytes after it. */
function riffSize(b: Buffer, size: number): Buffer {
  const copy = Buffer.from(b);
  copy.writeUInt32LE(size, 4);
  return copy;
}
/** A JPEG with an EXIF segment holding a whole thumbnail (SOI … EOI), then the frame header, and no end. */
function thumbnailOnly(width: number, height: number): Buffer {
  const thumbnail = Buffer.from([0xff, 0xd8, 0xff, 0xd9]);
  const app1 = Buffer.concat([
    Buffer.from([0xff, 0xe1, 0x00, 2 + 6 + thumbnail.length]),
    Buffer.from('Exif\0\0'),
    thumbnail,
  ]);
  const whole = jpeg(width, height);
  return Buffer.concat([whole.subarray(0, 2), app1, whole.subarray(2, -2)]);
}
const url = (type: string, bytes: Buffer) => `data:image/${type};base64,${bytes.toString('base64')}`;
/** Base64 as MIME encoders write it: lines of 76 characters, each ended by `eol`. */
const wrapped = (bytes: Buffer, eol = '\r\n') =>
  `${bytes
    .toString('base64')
    .match(/.{1,76}/g)!
    .join(eol)}${eol}`;

describe('images are checked by their content', () => {
  it.each([
    ['png', png(640, 480)],
    ['gif', gif(320, 200)],
    ['jpeg', jpeg(1024, 768)],
    ['jpg', jpeg(10, 20)],
    ['webp', webp(800, 600)],
  ])('accepts a %s whose bytes say so, with its dimensions', (type, bytes) => {
    const facts = inspectImage(url(type, bytes));
    expect(facts).toMatchObject({ bytes: bytes.length, type: type === 'jpg' ? 'jpeg' : type });
    expect('error' in facts).toBe(false);
  });

  it.each([
    ['four bytes called a PNG', url('png', Buffer.from('AAAA', 'base64')), /is not a PNG image/],
    ['text called a JPEG', url('jpeg', Buffer.from('hello, I am not an image')), /is not a JPEG image/],
    ['a GIF called a PNG', url('png', gif(10, 10)), /says it is PNG but its content is GIF/],
    ['a PNG signature without its header', url('png', png(1, 1).subarray(0, 12)), /is not a PNG image/],
    ['zero width', url('png', png(0, 10)), /no readable dimensions/],
    ['a decompression bomb header', url('png', png(60_000, 60_000)), /60000x60000 pixels/],
    ['an SVG', `data:image/svg+xml;base64,${Buffer.from('<svg/>').toString('base64')}`, /base64 data URL/],
    ['an empty file', 'data:image/png;base64,', /is empty/],
    ['an empty file of no type', 'data:', /base64 data URL/],
    ['an empty file as a browser reads it', 'data:application/octet-stream;base64,', /is empty/],
    ['a PNG cut before its IEND', url('png', pngPhoto(4000).subarray(0, 3000)), /is cut short/],
    ['a JPEG cut before its end marker', url('jpeg', jpeg(800, 600).subarray(0, -2)), /is cut short/],
    ['a GIF cut before its trailer', url('gif', gif(8, 8).subarray(0, -1)), /is cut short/],
    ['a WebP shorter than its RIFF header says', url('webp', riffSize(webp(8, 8), 4000)), /is cut short/],
    ["a JPEG cut short whose only end marker is its thumbnail's", url('jpeg', thumbnailOnly(64, 48)), /is cut short/],
    ['nothing but line breaks after the comma', 'data:image/png;base64,\r\n\r\n', /is empty/],
    ['base64url (a "-")', `data:image/png;base64,${'-'.repeat(8)}`, /has "-" in its base64, which uses only A-Z/],
    ['padding in the middle', `data:image/png;base64,iVBO=Rw0K`, /"=" inside its base64/],
    ['a NUL byte inside', `data:image/png;base64,iVBO\u0000Rw0K`, /has "\\u0000" in its base64/],
  ])('refuses %s', (_what, dataUrl, message) => {
    expect(inspectImage(dataUrl)).toEqual({ error: expect.stringMatching(message) });
  });

  it.each([
    ['CRLF every 76 characters (MIME)', '\r\n'],
    ['LF every 76 characters', '\n'],
    ['spaces and tabs', ' \t'],
  ])('accepts base64 wrapped with %s, as the same bytes', (_what, eol) => {
    const bytes = pngPhoto(3000, 320, 240);
    const decoded = decodeImage(`data:image/png;base64,${eol}${wrapped(bytes, eol)}`);
    expect(decoded).toMatchObject({ facts: { type: 'png', bytes: 3000, width: 320, height: 240 } });
    expect('data' in decoded && decoded.data.equals(bytes)).toBe(true);
  });
});

let h: Harness | undefined;
afterEach(() => h?.close());

describe('POST /messages with images', () => {
  it('answers 400 with the reason for a fake image, and runs with a real one', async () => {
    h = await createHarness({ model: new ScriptedModel([say('A bike, it seems.')]) });
    const { id } = (await (await h.call('POST', '/api/conversations')).json()) as { id: string };
    const path = `/api/conversations/${id}/messages`;
    const fake = await h.call('POST', path, {
      body: { text: 'what is this?', images: ['data:image/png;base64,AAAA'] },
    });
    expect(fake.status).toBe(400);
    expect(JSON.stringify(await fake.json())).toMatch(/is not a PNG image/);
    const real = await h.call('POST', path, { body: { text: 'what is this?', images: [url('png', png(64, 64))] } });
    expect(real.status).toBe(200);
    expect(await real.json()).toMatchObject({ status: 'completed', reply: 'A bike, it seems.' });
  });

  it('accepts a photo as MIME-wrapped base64 and stores exactly its bytes; names what is wrong otherwise', async () => {
    h = await createHarness({ model: new ScriptedModel([say('A chair, it seems.')]) });
    const { id } = (await (await h.call('POST', '/api/conversations')).json()) as { id: string };
    const path = `/api/conversations/${id}/messages`;
    const bytes = pngPhoto(5000, 800, 600);
    const sent = await h.call('POST', path, {
      body: { text: 'what is this?', images: [`data:image/png;base64,${wrapped(bytes)}`] },
    });
    expect(sent.status).toBe(200);
    const view = (await (await h.call('GET', `/api/conversations/${id}`)).json()) as {
      messages: Array<{ role: string; photos?: Array<{ url: string }> }>;
    };
    const [photo] = view.messages.find((m) => m.role === 'seller')!.photos!;
    const served = await h.call('GET', photo.url);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true);

    // base64url is not base64: refused with the character that is wrong, not a general message.
    const urlSafe = bytes.toString('base64url');
    const refused = await h.call('POST', path, {
      body: { text: 'and this?', images: [`data:image/png;base64,${urlSafe}`] },
    });
    expect(refused.status).toBe(400);
    const body = JSON.stringify(await refused.json());
    expect(body).toMatch(/in its base64, which uses only A-Z, a-z, 0-9, \+ and \//);
    // Random bytes: the first character base64url has and base64 has not is the one named.
    expect(body).toContain(`has \\"${/[-_]/.exec(urlSafe)![0]}\\" in its base64`);
  });
});
