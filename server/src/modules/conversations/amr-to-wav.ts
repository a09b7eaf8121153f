// WeCom voice notes are AMR-NB, which no browser plays. benz-amr-recorder ships an AMR decoder (opencore-amr
// compiled to JavaScript, written to run in a Web Worker); here it runs in-process, loaded once on first use, and
// its 8 kHz samples are written as a 16-bit mono WAV, which every browser's <audio> plays.
import { createRequire } from 'node:module';

type WorkerMessage = { data: { command: 'decode'; buffer: Uint8Array } };
type Decode = (amr: Uint8Array) => Float32Array | null;

const SAMPLE_RATE = 8000;
/** The AMR file header ("#!AMR\n"): what a voice note starts with. */
export const AMR_MAGIC = Buffer.from('#!AMR\n');

let decoder: Decode | undefined;

type Worker = { postMessage: (m: { amr: Float32Array | null }) => void; onmessage?: (e: WorkerMessage) => void };

/**
 * The decoder script expects a worker's global `self`, both when it loads and when it answers: it gets one for
 * exactly as long as each of those synchronous calls runs, and the process's global is put back after.
 */
function asWorker<T>(worker: Worker, run: () => T): T {
  const scope = globalThis as { self?: unknown };
  const had = Object.prototype.hasOwnProperty.call(scope, 'self');
  const previous = scope.self;
  scope.self = worker;
  try {
    return run();
  } finally {
    if (had) scope.self = previous;
    else delete scope.self;
  }
}

function loadDecoder(): Decode {
  const factory = createRequire(import.meta.url)('benz-amr-recorder/src/amrnb.js') as () => void;
  let answer: Float32Array | null = null;
  const worker: Worker = { postMessage: (m) => void (answer = m.amr) };
  asWorker(worker, factory);
  const onmessage = worker.onmessage;
  if (!onmessage) throw new Error('AMR decoder did not load');
  return (amr) => {
    answer = null;
    asWorker(worker, () => onmessage({ data: { command: 'decode', buffer: amr } }));
    return answer;
  };
}

/** The voice note as a WAV file, or null when the bytes are not AMR the decoder can read. */
export function amrToWav(amr: Uint8Array): Buffer | null {
  if (!Buffer.from(amr.subarray(0, AMR_MAGIC.length)).equals(AMR_MAGIC)) return null;
  decoder ??= loadDecoder();
  const samples = decoder(amr);
  if (!samples?.length) return null;
  const wav = Buffer.alloc(44 + samples.length * 2);
  wav.write('RIFF', 0, 'ascii');
  wav.writeUInt32LE(36 + samples.length * 2, 4);
  wav.write('WAVEfmt ', 8, 'ascii');
  wav.writeUInt32LE(16, 16); // fmt chunk size
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(SAMPLE_RATE, 24);
  wav.writeUInt32LE(SAMPLE_RATE * 2, 28); // bytes per second
  wav.writeUInt16LE(2, 32); // bytes per frame
  wav.writeUInt16LE(16, 34); // bits per sample
  wav.write('data', 36, 'ascii');
  wav.writeUInt32LE(samples.length * 2, 40);
  for (let i = 0; i < samples.length; i++)
    wav.writeInt16LE(Math.max(-32768, Math.min(32767, Math.round(samples[i]! * 32768))), 44 + i * 2);
  return wav;
}
