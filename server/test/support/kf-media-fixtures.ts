// Files customers send in tests: a real (tiny) PNG, and a real AMR voice note cut from the one benz-amr-recorder
// ships, so the server's checks and its AMR decoder run on what WeCom would hand over.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** A 1×1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** AMR-NB frame sizes (without their header byte) by mode; 8 is comfort noise, 15 no data. */
const FRAME_BYTES: Record<number, number> = { 0: 12, 1: 13, 2: 15, 3: 17, 4: 19, 5: 20, 6: 26, 7: 31, 8: 5, 15: 0 };

/** The first `seconds` of a real voice note (AMR frames are 20 ms each). */
export function amrVoice(seconds = 2): Buffer {
  const path = createRequire(import.meta.url).resolve('benz-amr-recorder/res/mario.amr');
  const amr = readFileSync(path);
  let at = 6; // "#!AMR\n"
  for (let frame = 0; frame < seconds * 50 && at < amr.length; frame++) {
    const size = FRAME_BYTES[(amr[at]! >> 3) & 0x0f];
    if (size === undefined) throw new Error(`unexpected AMR frame header at ${at}`);
    at += 1 + size;
  }
  return amr.subarray(0, at);
}
