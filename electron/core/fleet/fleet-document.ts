/**
 * A fleet configuration document: `{"serial": <integer>, "config": {…}}`, signed by the chain
 * with Ed25519 over its exact bytes (the base64 signature is served at `<url>.sig`). The
 * signature is checked with Node's crypto before a byte of the document is parsed: nothing
 * unauthenticated is ever read.
 */
import { createPublicKey, verify } from 'node:crypto';
import { z } from 'zod';

/** Why a document is not applied (also the metric's `reason` label). */
export type FleetRefusal = 'unsigned' | 'bad_signature' | 'invalid' | 'stale';

export interface FleetDocument {
  serial: number;
  /** Laid over the provisioning file (fleet-layer.ts). */
  config: Record<string, unknown>;
}

export type FleetVerdict = { ok: true; document: FleetDocument } | { ok: false; reason: FleetRefusal; message: string };

/** The largest document and signature the kiosk reads: a configuration is a few KiB. */
export const MAX_DOCUMENT_BYTES = 256 * 1024;
export const MAX_SIGNATURE_BYTES = 1024;

/** An Ed25519 signature is 64 bytes: 88 base64 characters, the last two "==". */
const SIGNATURE = /^[A-Za-z0-9+/]{86}==$/;

const DocumentSchema = z.strictObject({
  serial: z.int().min(1).max(Number.MAX_SAFE_INTEGER),
  // The parsed object itself, not a copy: zod's record would write a "__proto__" key through the prototype.
  config: z.custom<Record<string, unknown>>((value) => typeof value === 'object' && value !== null && !Array.isArray(value), 'must be an object'),
});

/** Checks `bytes` against its signature (the `.sig` file's text) and the provisioning file's key, then reads it. */
export function verifyFleetDocument(bytes: Uint8Array, signatureText: string | null, publicKeyPem: string): FleetVerdict {
  const signature = signatureText?.trim() ?? '';
  if (!signature) return { ok: false, reason: 'unsigned', message: 'the document has no signature (nothing at <url>.sig)' };
  if (!SIGNATURE.test(signature)) return { ok: false, reason: 'bad_signature', message: 'the signature is not a base64 Ed25519 signature' };
  if (!signedBy(bytes, signature, publicKeyPem)) return { ok: false, reason: 'bad_signature', message: 'the signature does not match the document and the configured public key' };
  return readFleetDocument(bytes);
}

function signedBy(bytes: Uint8Array, signature: string, publicKeyPem: string): boolean {
  try {
    return verify(null, bytes, createPublicKey(publicKeyPem), Buffer.from(signature, 'base64'));
  } catch {
    return false; // a key that is no Ed25519 key verifies nothing
  }
}

/** Reads a document's shape only (its signature checked already, or about to be made: npm run fleet-sign). */
export function readFleetDocument(bytes: Uint8Array): FleetVerdict {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, reason: 'invalid', message: 'the document is not JSON (UTF-8)' };
  }
  const parsed = DocumentSchema.safeParse(value);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(top level)'}: ${issue.code === 'unrecognized_keys' ? `unknown field ${issue.keys.join(', ')}` : issue.message}`);
    return { ok: false, reason: 'invalid', message: `the document must be {"serial": <integer ≥ 1>, "config": {…}} (${fields.join('; ')})` };
  }
  if (Object.hasOwn(parsed.data.config, 'fleet')) {
    return { ok: false, reason: 'invalid', message: 'config.fleet: the fleet configuration cannot change the fleet section (its key and URL come only from the provisioning file)' };
  }
  return { ok: true, document: { serial: parsed.data.serial, config: parsed.data.config } };
}
