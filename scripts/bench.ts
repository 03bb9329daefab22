/** `npm run bench`: runs every benchmark and prints its figures; asserts nothing. */
import { runCoreLatency } from './bench/core-latency';
import { runDecodeTable } from './bench/decode-table';

await runCoreLatency();
console.log();
await runDecodeTable();
console.log('\nCamera CPU and scan latency in Chromium: not measured yet (the capture page is still to come).');
