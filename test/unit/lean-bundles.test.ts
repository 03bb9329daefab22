/**
 * What every page loads before its first screen: Electron's preload (both windows) and the web
 * shell's page bridges carry the contract's channel plumbing only. Validation (zod) stays in
 * main, where every argument is parsed (dispatch.ts); a page never pays to load it.
 */
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { ESBUILD_BUNDLES } from '../../scripts/build';

const PAGE_SCRIPTS = ['dist/electron/preload.cjs', 'dist/web/page-bridge.js', 'dist/web/capture-bridge.js'];
const LIMIT_BYTES = 20 * 1024;

describe('the scripts every page loads first', () => {
  for (const outfile of PAGE_SCRIPTS) {
    it(`${outfile} is at most 20 KB, minified, without zod or the contract's schemas`, async () => {
      const options = ESBUILD_BUNDLES.find((bundle) => bundle.outfile === outfile);
      expect(options, `${outfile} is built by scripts/build.ts`).toBeDefined();
      const result = await build({ ...options, write: false, metafile: true, sourcemap: false, logLevel: 'silent' });
      const script = result.outputFiles.find((file) => file.path.endsWith(outfile));
      const inputs = Object.keys(result.metafile.inputs);
      expect(inputs.filter((input) => /node_modules\/zod\/|electron\/shared\/contract\.ts$|scanner-state\.ts$/.test(input))).toEqual([]);
      expect(inputs).toContain('electron/shared/channels.ts');
      expect(script?.contents.length).toBeLessThanOrEqual(LIMIT_BYTES);
      expect(options?.minify).toBe(true);
    });
  }

  it('would notice validation riding along: the same build of the contract itself carries zod', async () => {
    const preload = ESBUILD_BUNDLES.find((bundle) => bundle.outfile === PAGE_SCRIPTS[0]);
    const result = await build({
      ...preload,
      entryPoints: undefined,
      stdin: { contents: "import { requestArgs } from './electron/shared/contract'; console.log(requestArgs);", resolveDir: process.cwd(), loader: 'ts' },
      write: false,
      metafile: true,
      sourcemap: false,
      logLevel: 'silent',
    });
    expect(Object.keys(result.metafile.inputs).some((input) => input.includes('node_modules/zod/'))).toBe(true);
    expect(result.outputFiles[0]?.contents.length).toBeGreaterThan(LIMIT_BYTES);
  });
});
