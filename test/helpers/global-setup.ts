/** Builds what is stale before the browser tests start the web shell; says if Electron's spec will skip. */
import { buildIfStale } from '../../scripts/build';
import { ELECTRON_SKIP_REASON, installedElectronBinary } from '../../scripts/electron-binary';

export default async function globalSetup(): Promise<void> {
  await buildIfStale();
  if (!installedElectronBinary()) console.log(`SKIP: ${ELECTRON_SKIP_REASON}`);
}
