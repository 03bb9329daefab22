/**
 * The last fleet configuration the kiosk applied, kept in its user-data folder
 * (`fleet-config.json`, owner-only, written atomically) with its signature, so that it is
 * laid over the provisioning file again after a restart without a network. It is checked
 * against the provisioning file's key each time it is read: a file edited on disk, or a key the
 * chain has since replaced, is not applied.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { MAX_DOCUMENT_BYTES, verifyFleetDocument, type FleetDocument } from './fleet-document';

export const FLEET_STORE_FILE = 'fleet-config.json';

const StoredSchema = z.strictObject({
  /** The document's exact bytes, base64. */
  document: z.string().max(Math.ceil(MAX_DOCUMENT_BYTES / 3) * 4 + 4),
  signature: z.string().max(1024),
  /** Where it came from, and the server's ETag for it (If-None-Match, at that URL only). */
  url: z.string().max(2048),
  etag: z.string().max(1024).nullable(),
  /** When the kiosk received and applied it. */
  receivedAt: z.iso.datetime(),
});
export type StoredFleet = z.output<typeof StoredSchema>;

/** A stored document that passed its signature check, as the loader lays it. */
export interface FleetLayer extends FleetDocument {
  receivedAt: string;
}

export function fleetStorePath(userDataDir: string): string {
  return path.join(userDataDir, FLEET_STORE_FILE);
}

/** The stored document, unchecked; null when there is none or it cannot be read. */
export async function readStoredFleet(userDataDir: string): Promise<StoredFleet | null> {
  try {
    const parsed = StoredSchema.safeParse(JSON.parse(await readFile(fleetStorePath(userDataDir), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export async function writeStoredFleet(userDataDir: string, stored: StoredFleet): Promise<void> {
  await writeFileAtomic(fleetStorePath(userDataDir), `${JSON.stringify(stored)}\n`, { mode: 0o600 });
}

/** `stored` checked against `publicKey`: the layer, or null when it does not verify. */
export function verifiedLayer(stored: StoredFleet, publicKey: string): FleetLayer | null {
  const verdict = verifyFleetDocument(Buffer.from(stored.document, 'base64'), stored.signature, publicKey);
  return verdict.ok ? { ...verdict.document, receivedAt: stored.receivedAt } : null;
}
