/**
 * ZXing-C++'s WebAssembly, inside the capture worker's own script: the build's esbuild binary
 * loader (scripts/build.ts) turns this import into the file's bytes. Embedded rather than
 * fetched, the page needs no `connect-src`, and no CDN is ever asked for it.
 */
import zxingReaderWasm from 'zxing-wasm/reader/zxing_reader.wasm';

// zxing-wasm types this import for esbuild's *file* loader (a path); ours is the binary loader.
export const ZXING_READER_WASM = zxingReaderWasm as unknown as Uint8Array;
