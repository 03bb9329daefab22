/** Counts since start and the back end's last answer, for the staff health view: no customer data. */
import type { HealthView } from '../../shared/staff-view';
import { screenOfOutcome } from '../session/result-screen';
import type { SessionEvent } from '../session/session-machine';

export class HealthStats {
  readonly startedAt = new Date().toISOString();
  readonly counts: HealthView['counts'] = { scans: 0, rejected: 0, identified: 0, member: 0, notMember: 0, codeProblem: 0, serviceProblem: 0, needsStaff: 0, voided: 0 };
  readonly backEnd: HealthView['backEnd'] = { lastOutcome: null, lastLatencyMs: null, lastAt: null };

  /** A keyboard-wedge burst was thrown away (it never became a scan). */
  recordVoided(): void {
    this.counts.voided += 1;
  }

  record(event: SessionEvent): void {
    if (event.type === 'unavailable') return; // met the needsStaff screen of an invalid configuration
    this.counts.scans += 1;
    if (event.type === 'rejected') {
      this.counts.rejected += 1;
      this.counts.codeProblem += 1;
      return;
    }
    const outcome = event.type === 'deadline' ? 'timeout' : event.outcome;
    this.backEnd.lastOutcome = outcome;
    this.backEnd.lastLatencyMs = Math.round(event.ms);
    this.backEnd.lastAt = new Date().toISOString();
    if (event.type === 'deadline') {
      this.counts.serviceProblem += 1;
      return;
    }
    this.counts.identified += 1;
    this.counts[screenOfOutcome(event.outcome, event.scanKind)] += 1;
  }
}
