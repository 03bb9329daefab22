/** Builds what is stale before the browser tests start the web shell. */
import { buildIfStale } from '../../scripts/build';

export default async function globalSetup(): Promise<void> {
  await buildIfStale();
}
