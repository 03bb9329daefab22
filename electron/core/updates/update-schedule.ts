/**
 * When a kiosk looks for updates: once at start, then every day at the configured quiet hour,
 * spread over the hour so that a fleet of kiosks does not hit the update host at the same
 * second.
 */

/**
 * Milliseconds from `now` to the next `hour`:00 local time plus `spreadMs` (0 ≤ spread < 1 h),
 * at least `minMs` away (a check just made in this hour must not be followed by another).
 */
export function msUntilNextCheck(now: Date, hour: number, spreadMs = 0, minMs = 1): number {
  const next = new Date(now);
  next.setHours(hour, 0, 0, 0);
  next.setTime(next.getTime() + spreadMs);
  if (next.getTime() - now.getTime() < minMs) {
    next.setDate(next.getDate() + 1); // calendar days: right across daylight-saving changes
  }
  return next.getTime() - now.getTime();
}
