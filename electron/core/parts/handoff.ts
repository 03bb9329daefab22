/** The hand-off to the till (handoff/handoff-service.ts), as a part: configured by `handoff`. */
import { HandoffService } from '../handoff/handoff-service';
import type { Identification } from '../handoff/identification';
import type { Logger } from '../log/logger';
import type { KioskPart } from './kiosk-part';

export interface Handoff extends KioskPart {
  record(identification: Identification): Promise<void>;
  health: HandoffService['health'];
  counts: HandoffService['counts'];
  /** Told of each identification the till accepted, by its id (the member screen may then go sooner). */
  onDelivered(listener: (id: string) => void): () => void;
}

export function createHandoff(deps: { dir: string; log: Logger; backoffMs?: (attempt: number) => number }): Handoff {
  const listeners = new Set<(id: string) => void>();
  const delivered = (id: string) => {
    for (const listener of listeners) listener(id);
  };
  const service = new HandoffService({ dir: deps.dir, log: deps.log, backoffMs: deps.backoffMs, delivered });
  return {
    name: 'hand-off',
    // Every configuration, changed or not: it also retries at once what waits for the till.
    apply: ({ after }) => service.configure(after.handoff),
    stop: () => service.stop(),
    record: (identification) => service.record(identification),
    health: () => service.health(),
    counts: () => service.counts(),
    onDelivered(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
