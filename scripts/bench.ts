/** `npm run bench`: runs every benchmark and prints its figures; asserts nothing. */
import { runCameraChromium } from './bench/camera-chromium';
import { runCoreLatency } from './bench/core-latency';
import { runDecodeTable } from './bench/decode-table';
import { runStartUp } from './bench/start-up';

await runCoreLatency();
console.log();
await runStartUp();
console.log();
await runDecodeTable();
console.log();
await runCameraChromium();
