/**
 * `fleet`: how a chain's support desk runs the kiosk from afar (README, "Running a fleet"). Only
 * the provisioning file the kiosk starts with may set it: its key and URL are the root of trust
 * for everything the fleet configuration may change, so neither staff nor the fleet
 * configuration itself can touch it.
 */
import { createPublicKey } from 'node:crypto';
import { z } from 'zod';
import { listenerHost, ListenerTlsSchema } from './listener-schema';
import { text } from './schema-parts';

/** A support token shorter than this could be guessed from the store's network. */
export const MIN_FLEET_API_TOKEN = 32;

export const ED25519_KEY_MESSAGE = 'must be an Ed25519 public key in SPKI PEM form ("-----BEGIN PUBLIC KEY-----…"), as npm run fleet-sign prints it';

function isEd25519PublicKey(pem: string): boolean {
  try {
    return createPublicKey(pem).asymmetricKeyType === 'ed25519';
  } catch {
    return false;
  }
}

export const FleetSchema = z.strictObject({
  /** The support API: status, logs, a screenshot and a restart, behind a bearer token. */
  api: z
    .strictObject({
      /** 127.0.0.1 keeps it on this computer (a support agent or tunnel there); another host needs `tls`. */
      host: listenerHost.default('127.0.0.1'),
      port: z.int().min(1).max(65_535),
      /** The bearer token (32+ characters); or env KIOSK_FLEET_API_TOKEN. */
      token: text(512).optional(),
      /** Certificate and key files (required for any host but loopback). */
      tls: ListenerTlsSchema.optional(),
    })
    .optional(),
  /** The chain's signed configuration, fetched and laid between the provisioning file and staff changes. */
  config: z
    .strictObject({
      /** The document; its signature is at `<url>.sig`. */
      url: z
        .url({ protocol: /^https$/, error: 'must be an https URL' })
        .max(2048)
        .refine((url) => !/^https:\/\/[^/]*@/.test(url), 'must not carry a user name or password'),
      /** The key the documents are signed with: Ed25519, SPKI PEM. */
      publicKey: z.string().max(1024).refine(isEd25519PublicKey, ED25519_KEY_MESSAGE),
      /** How often to look for a new one. */
      intervalSeconds: z.int().min(10).max(86_400).default(300),
    })
    .optional(),
});
