import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The renderer only: main, preload and the web shell are bundled by scripts/build.ts. */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, target: 'chrome130', sourcemap: true },
});
