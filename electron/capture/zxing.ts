/**
 * @zxing/library's classes, the same way in every runtime. Bundlers (the capture page) take its
 * ES build, where the classes are named exports; plain Node ESM (tests via tsx, benchmarks)
 * takes its CommonJS build, whose names Node cannot detect, leaving them on `default`.
 */
import * as zxingNamespace from '@zxing/library';

type ZXing = typeof zxingNamespace;

export const zxing: ZXing = (Reflect.get(zxingNamespace, 'default') as ZXing | undefined) ?? zxingNamespace;
