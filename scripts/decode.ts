/**
 * Decodes images as the camera pipeline decodes a frame holding them (support, tests):
 *   npm run decode -- [--frame WxH] FILE...
 * Each image is placed at its own scale in the middle of a mid-grey frame of WxH (default
 * 1280x720), scaled down to fit when larger, and decoded as the capture worker would. One line
 * per file: the path, a tab, the text as a JSON string ("" when nothing was read); then
 * `N of M read`. Exit code 0 whatever was read; 2 for a file it cannot open (its line says "",
 * and a line on stderr why) or for bad arguments.
 */
import { photoFrame, parseFrameSize, type FrameSize } from './camera/photo-frame';
import { decodeStill, loadDecodersForNode } from './camera/still-decoder';

const USAGE = 'usage: npm run decode -- [--frame WxH] FILE...';

function parseArgs(argv: string[]): { size: FrameSize; files: string[] } | string {
  let size: FrameSize = { width: 1280, height: 720 };
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--frame' || arg.startsWith('--frame=')) {
      const value = arg === '--frame' ? argv[++i] : arg.slice('--frame='.length);
      const parsed = value === undefined ? null : parseFrameSize(value);
      if (!parsed) return `--frame takes WxH, e.g. 1280x720 (got ${JSON.stringify(value ?? '')})`;
      size = parsed;
    } else if (arg === '--help' || arg === '-h') return USAGE;
    else files.push(arg);
  }
  return files.length ? { size, files } : USAGE;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (typeof args === 'string') {
    console.error(args);
    return 2;
  }
  await loadDecodersForNode();
  let read = 0;
  let unreadable = false;
  for (const file of args.files) {
    let frame;
    try {
      frame = await photoFrame(file, args.size);
    } catch (error) {
      unreadable = true;
      console.error(`${file}: cannot open it as an image (${(error as Error).message})`);
      console.log(`${file}\t""`); // still one line per file, for whatever reads this output
      continue;
    }
    const { text } = await decodeStill(frame);
    if (text !== null) read++;
    console.log(`${file}\t${JSON.stringify(text ?? '')}`);
  }
  console.log(`${read} of ${args.files.length} read`);
  return unreadable ? 2 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
