/**
 * "Test connection" in staff mode: one identify call with an identifier no customer can have,
 * said in words. Any answer but a refusal of the kiosk's credentials means the service is
 * reachable; a 5xx is reachable too (the detail says so).
 */
import type { ConnectionTestDraft, ConnectionTestResult } from '../../shared/staff-view';
import { identify, type IdentifyRequest, type IdentifyTarget } from '../identify/identify-client';
import type { BackEnd } from '../parts/back-end';
import type { StaffService } from './staff-service';

/** Not an OTP, loyalty ID or phone number: the back end can only say it does not know it. */
export const CONNECTION_TEST_IDENTIFIER = 'kiosk-connection-test';

export async function testConnection(target: IdentifyTarget, location: Omit<IdentifyRequest, 'identifier'>): Promise<ConnectionTestResult> {
  const started = performance.now();
  const outcome = await identify(target, { ...location, identifier: CONNECTION_TEST_IDENTIFIER });
  const ms = Math.round(performance.now() - started);
  switch (outcome.kind) {
    case 'credentialsRefused':
      return { outcome: 'credentialsRefused', detail: `HTTP ${outcome.status}`, ms };
    case 'serviceProblem':
      if (outcome.reason === 'timeout') return { outcome: 'timedOut', detail: outcome.detail, ms };
      if (outcome.reason === 'unreachable') return { outcome: 'unreachable', detail: outcome.detail, ms };
      return { outcome: 'reachable', detail: `the service answered, with a problem: ${outcome.detail}`, ms };
    default:
      return { outcome: 'reachable', detail: 'the service answered', ms };
  }
}

/** What "Test connection" needs of the kiosk: where it calls now, and what a save would call. */
export interface DraftConnectionTestDeps {
  staff: Pick<StaffService, 'requireOpen' | 'testTarget'>;
  backEnd: Pick<BackEnd, 'target' | 'kind'>;
  location(): Omit<IdentifyRequest, 'identifier'>;
}

/**
 * The form's values, saved or not: only what a save would put in force is tried, so the old
 * token never goes to a URL on another origin (secret-origins.ts).
 */
export async function testDraftConnection(deps: DraftConnectionTestDeps, draft: ConnectionTestDraft = {}): Promise<ConnectionTestResult> {
  deps.staff.requireOpen();
  const location = deps.location();
  if (draft.baseUrl === undefined && !draft.token) return testConnection(deps.backEnd.target(), location);
  const target = await deps.staff.testTarget(draft);
  if (!target.ok) return { outcome: target.outcome, detail: target.detail, ms: 0 };
  if (target.identify) return testConnection({ ...target.identify, token: target.identify.token ?? '' }, location);
  // No identify URL at all: the kiosk would run on its sandbox, which is up only while it does.
  if (deps.backEnd.kind() === 'sandbox') return testConnection(deps.backEnd.target(), location);
  return { outcome: 'invalidSettings', detail: 'no Identify URL: after saving, the kiosk would run on its embedded sandbox', ms: 0 };
}
