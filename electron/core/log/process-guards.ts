/**
 * A promise nobody waited for must not take the kiosk down (Node's default for an unhandled
 * rejection is to end the process): it is logged, redacted like every line, and the kiosk goes
 * on. Both shells install it at start.
 */
import type { Logger } from './logger';

export function logUnhandledRejections(log: Logger): void {
  process.on('unhandledRejection', (reason) => {
    log.error('unhandled-rejection', { message: reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason) });
  });
}
