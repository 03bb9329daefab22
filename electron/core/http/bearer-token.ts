/** Checks an `Authorization: Bearer …` header against the configured token (scheme in any case). */
import { createHash, timingSafeEqual } from 'node:crypto';

export function hasBearerToken(header: string | undefined, token: string): boolean {
  const given = /^bearer (.+)$/i.exec(header ?? '')?.[1];
  if (!given) return false;
  // Equal-length digests: the comparison takes the same time whatever was sent.
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(token));
}
