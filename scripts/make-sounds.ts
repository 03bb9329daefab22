/**
 * Writes the kiosk's three sounds to assets/sounds/ (16-bit mono WAV): a very short, soft tick
 * the moment a code is read (before the back end answers), a short rising chime for a
 * successful scan and a lower, falling two-note for a problem. Soft sine tones with smooth
 * attack and release: heard at a busy counter, never shrill. Run after changing them:
 *   tsx scripts/make-sounds.ts
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';

const RATE = 22_050;

interface Note {
  hz: number;
  ms: number;
}

function render(notes: Note[], gain: number): Int16Array {
  const samples: number[] = [];
  for (const note of notes) {
    const count = Math.round((note.ms / 1000) * RATE);
    const attack = Math.round(0.01 * RATE);
    for (let i = 0; i < count; i += 1) {
      const t = i / RATE;
      const envelope = Math.min(1, i / attack) * Math.exp((-3 * i) / count); // quick attack, gentle decay
      // A little of the octave above makes it a chime rather than a beep.
      const wave = Math.sin(2 * Math.PI * note.hz * t) + 0.25 * Math.sin(4 * Math.PI * note.hz * t);
      samples.push(gain * envelope * wave);
    }
  }
  const fade = Math.round(0.02 * RATE);
  return Int16Array.from(samples, (value, i) => Math.round(value * Math.min(1, (samples.length - i) / fade) * 32767 * 0.8));
}

function wav(pcm: Int16Array): Buffer {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + pcm.byteLength, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16); // PCM chunk size
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(RATE, 24);
  header.writeUInt32LE(RATE * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(pcm.byteLength, 40);
  return Buffer.concat([header, Buffer.from(pcm.buffer)]);
}

const out = path.resolve(import.meta.dirname, '../assets/sounds');
writeFileSync(path.join(out, 'success.wav'), wav(render([{ hz: 880, ms: 110 }, { hz: 1318.5, ms: 260 }], 0.6)));
writeFileSync(path.join(out, 'problem.wav'), wav(render([{ hz: 392, ms: 160 }, { hz: 311.1, ms: 300 }], 0.7)));
// The read tone: one short, high note (60 ms), quieter than the result sounds, so it says "got it"
// without sounding like the answer.
writeFileSync(path.join(out, 'read.wav'), wav(render([{ hz: 1568, ms: 60 }], 0.45)));
console.log('Wrote assets/sounds/success.wav, problem.wav and read.wav');
