/** `handoff`: handing each identification to the till (README, "Handing off to the till"). */
import { z } from 'zod';
import { listenerHost, ListenerTlsSchema } from './listener-schema';
import { httpUrl, text } from './schema-parts';

export const HandoffSchema = z.strictObject({
  /** The till's endpoint for pushed identifications; null: no push (the pull feed may still run). */
  url: httpUrl.nullable().default(null),
  /** HMAC-SHA256 key the till verifies each push with; or env KIOSK_HANDOFF_SECRET. */
  secret: text(512).optional(),
  /** How long an identification is worth delivering (and stays in the pull feed). */
  ttlSeconds: z.int().min(30).max(86_400).default(900),
  /** The most deliveries kept waiting; beyond it the oldest gives way. */
  maxPending: z.int().min(1).max(10_000).default(200),
  /** Deadline of one push. */
  timeoutMs: z.int().min(500).max(60_000).default(3000),
  /**
   * Once the till accepted a member's identification (a push answered 2xx), the member screen goes
   * back to `ready` within this many seconds, so the next in line cannot read it; null: the full time.
   */
  clearAfterDeliveredSeconds: z.int().min(1).max(600).nullable().default(null),
  /** The pull feed for tills that cannot receive calls; null: none. */
  listen: z
    .strictObject({
      /** 127.0.0.1 keeps it on this computer; a LAN address lets a till elsewhere in the store read it. */
      host: listenerHost.default('127.0.0.1'),
      port: z.int().min(1).max(65_535),
      /** Certificate and key files: the feed speaks TLS (required for any host but loopback). */
      tls: ListenerTlsSchema.optional(),
      /** The bearer token the till sends; or env KIOSK_HANDOFF_TOKEN. */
      token: text(512).optional(),
    })
    .nullable()
    .default(null),
});
