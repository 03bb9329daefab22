/**
 * The corpus of real QR photographs (test/fixtures/qr-photos/, a copy of the team's shared
 * corpus, from ZXing-C++'s black-box samples): every image that has
 * a plain `NAME.txt` beside it, with that text. An image without one is a special case (its
 * README) and is left out; a `.result.txt` only describes the code (error-correction level,
 * inverted) and changes nothing here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const CORPUS_DIR = resolve(import.meta.dirname, '../../test/fixtures/qr-photos');
const IMAGE = /\.(png|jpe?g|webp)$/i;

export interface CorpusImage {
  set: string;
  path: string;
  text: string;
}

export function corpusImages(dir = CORPUS_DIR): CorpusImage[] {
  const images: CorpusImage[] = [];
  for (const set of readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()) {
    const folder = join(dir, set);
    for (const file of readdirSync(folder).filter((name) => IMAGE.test(name)).sort()) {
      const stem = file.replace(IMAGE, '');
      const textFile = join(folder, `${stem}.txt`);
      if (!existsSync(textFile)) continue;
      images.push({ set, path: join(folder, file), text: readFileSync(textFile, 'utf8') });
    }
  }
  return images;
}
