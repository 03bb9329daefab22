/**
 * `npm run decode`, as support and scripts run it: one line per file (path, tab, the text as a
 * JSON string), then `N of M read`; exit 0 whatever was read, 2 for a file it cannot open or
 * for bad arguments; `--frame WxH` sets the frame the image is placed in.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const corpus = path.join(root, 'test/fixtures/qr-photos');
const dir = mkdtempSync(path.join(os.tmpdir(), 'kiosk-decode-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function decode(...args: string[]) {
  const run = spawnSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), path.join(root, 'scripts/decode.ts'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, lines: run.stdout.trimEnd().split('\n'), stderr: run.stderr };
}

describe('npm run decode', () => {
  it('prints each file\'s text as a JSON string (its line breaks escaped), "" for what it cannot read, then the count', async () => {
    const photo = path.join(corpus, 'qrcode-2/11.png'); // eleven line breaks
    const expected = readExpected(photo);
    expect(expected.split('\n').length).toBeGreaterThan(10);
    const blank = path.join(dir, 'blank.png');
    await sharp({ create: { width: 64, height: 64, channels: 3, background: '#808080' } }).png().toFile(blank);
    const { code, lines } = decode(photo, blank);
    expect(code).toBe(0);
    expect(lines).toEqual([`${photo}\t${JSON.stringify(expected)}`, `${blank}\t""`, '1 of 2 read']);
    expect(lines[0]).not.toContain('\n');
  }, 60_000);

  it('takes the frame size: a photo far larger than a 64×48 frame is scaled down to fit, and read no more', () => {
    const photo = path.join(corpus, 'qrcode-1/1.webp');
    expect(decode('--frame', '64x48', photo).lines.at(-1)).toBe('0 of 1 read');
    expect(decode('--frame=1920x1080', photo).lines.at(-1)).toBe('1 of 1 read');
  }, 60_000);

  it('exits 2 for a file it cannot open, with its line and a reason on stderr, and reads the others', () => {
    const photo = path.join(corpus, 'qrcode-1/1.webp');
    const missing = path.join(dir, 'no-such.png');
    const notAnImage = path.join(dir, 'notes.png');
    writeFileSync(notAnImage, 'not an image');
    const { code, lines, stderr } = decode(missing, photo, notAnImage);
    expect(code).toBe(2);
    expect(lines).toEqual([`${missing}\t""`, `${photo}\t${JSON.stringify(readExpected(photo))}`, `${notAnImage}\t""`, '1 of 3 read']);
    expect(stderr).toContain(`${missing}: cannot open it as an image`);
    expect(stderr).toContain(`${notAnImage}: cannot open it as an image`);
  }, 60_000);

  it('exits 2 with its usage for bad arguments', () => {
    expect(decode().code).toBe(2);
    const bad = decode('--frame', 'big', 'x.png');
    expect([bad.code, bad.stderr.trim()]).toEqual([2, '--frame takes WxH, e.g. 1280x720 (got "big")']);
  });
});

/** The text the corpus gives for a photo (its .txt beside it). */
function readExpected(photo: string): string {
  return readFileSync(photo.replace(/\.\w+$/, '.txt'), 'utf8');
}
