/**
 * "Test connection" in staff mode: one identify call with an identifier no customer can have,
 * said in words. Any answer but a refusal of the kiosk's credentials means the service is
 * reachable; a 5xx is reachable too (the detail says so).
 */
import type { ConnectionTestResult } from '../../shared/staff-view';
import { identify, type IdentifyRequest, type IdentifyTarget } from '../identify/identify-client';

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
