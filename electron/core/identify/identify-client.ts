/**
 * The loyalty back end's identify call: `POST {baseUrl}/loyalty/v2/identify`.
 * Maps every answer to an outcome (DESIGN.md's table). Identify is not idempotent (it opens a
 * loyalty transaction), so the only retry is of a connection that was refused: then the
 * request cannot have reached the server.
 */
import { BAD_JSON, postJson } from '../http/post-json';
import type { IdentifyOutcome } from './identify-outcome';
import { readErrorReason, readMemberAnswer } from './identify-answer';

export interface IdentifyTarget {
  baseUrl: string;
  token: string;
  timeoutMs: number;
  content: boolean;
}

export interface IdentifyRequest {
  /** An OTP, a loyalty ID, or a phone number as digits with country code (Vipps). */
  identifier: string;
  storeId: string;
  terminalId: string;
  hasLoyalty: boolean;
}

/**
 * @param signal aborts the call when the session abandons it; the promise then rejects with
 * the abort reason, so an abandoned identification never produces an outcome.
 */
export async function identify(target: IdentifyTarget, request: IdentifyRequest, signal?: AbortSignal): Promise<IdentifyOutcome> {
  const result = await postJson(
    {
      url: `${target.baseUrl}/loyalty/v2/identify`,
      headers: { authorization: `Bearer ${target.token}` },
      body: {
        identifier: request.identifier,
        location: { storeId: request.storeId, terminalId: request.terminalId, hasLoyalty: request.hasLoyalty },
        content: target.content,
      },
      timeoutMs: target.timeoutMs,
      retryRefused: true,
    },
    signal,
  );
  if (!result.ok) return { kind: 'serviceProblem', reason: result.failure, detail: result.detail };
  return classify(result.reply.status, result.reply.body);
}

function classify(status: number, body: unknown): IdentifyOutcome {
  if (status === 200) {
    const member = body === BAD_JSON ? null : readMemberAnswer(body);
    return member
      ? { kind: 'member', member }
      : { kind: 'serviceProblem', reason: 'badAnswer', detail: 'HTTP 200 with an answer that is not a member' };
  }
  if (status === 404) return { kind: 'notFound' };
  if (status === 400 || status === 422) return { kind: 'codeProblem', reason: readErrorReason(body) };
  if (status === 401 || status === 403) return { kind: 'credentialsRefused', status };
  if (status >= 500) return { kind: 'serviceProblem', reason: 'serverError', detail: `HTTP ${status}` };
  return { kind: 'serviceProblem', reason: 'badAnswer', detail: `unexpected HTTP ${status}` };
}
