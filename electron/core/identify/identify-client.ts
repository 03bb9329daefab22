/**
 * The loyalty back end's identify call: `POST {baseUrl}/loyalty/v2/identify`.
 * Maps every answer to an outcome (DESIGN.md's table). Identify is not idempotent (it opens a
 * loyalty transaction), so the only retry is of a connection that was refused: then the
 * request cannot have reached the server.
 */
import type { IdentifyOutcome } from './identify-outcome';
import { readErrorReason, readMemberAnswer } from './identify-answer';

export interface IdentifyTarget {
  baseUrl: string;
  token: string;
  timeoutMs: number;
  content: boolean;
}

export interface IdentifyRequest {
  identifier: string;
  storeId: string;
  terminalId: string;
  hasLoyalty: boolean;
}

const MAX_ANSWER_BYTES = 256 * 1024;
const REFUSED_RETRY_DELAY_MS = 250;

/**
 * @param signal aborts the call when the session abandons it; the promise then rejects with
 * the abort reason, so an abandoned identification never produces an outcome.
 */
export async function identify(
  target: IdentifyTarget,
  request: IdentifyRequest,
  signal?: AbortSignal,
): Promise<IdentifyOutcome> {
  const deadline = AbortSignal.timeout(target.timeoutMs);
  const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
  try {
    const response = await postWithRefusedRetry(target, request, combined);
    const body = await readJson(response, combined);
    return classify(response.status, body);
  } catch (error) {
    signal?.throwIfAborted();
    if (deadline.aborted) return { kind: 'serviceProblem', reason: 'timeout', detail: `no answer within ${target.timeoutMs} ms` };
    return { kind: 'serviceProblem', reason: 'unreachable', detail: describeNetworkError(error) };
  }
}

async function postWithRefusedRetry(target: IdentifyTarget, request: IdentifyRequest, signal: AbortSignal): Promise<Response> {
  const send = () =>
    fetch(`${target.baseUrl}/loyalty/v2/identify`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${target.token}`,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: JSON.stringify({
        identifier: request.identifier,
        location: { storeId: request.storeId, terminalId: request.terminalId, hasLoyalty: request.hasLoyalty },
        content: target.content,
      }),
      redirect: 'error',
      signal,
    });
  try {
    return await send();
  } catch (error) {
    if (errorCode(error) !== 'ECONNREFUSED') throw error;
    await new Promise((resolve) => setTimeout(resolve, REFUSED_RETRY_DELAY_MS));
    signal.throwIfAborted();
    return send();
  }
}

/** The parsed JSON body, `undefined` when empty, or a `BadJson` marker. */
async function readJson(response: Response, signal: AbortSignal): Promise<unknown> {
  const text = await readCapped(response, MAX_ANSWER_BYTES);
  signal.throwIfAborted();
  if (text === null) return BAD_JSON;
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return BAD_JSON;
  }
}

const BAD_JSON = Symbol('bad JSON');

/** The body as text, or null once it passes `limit` bytes (the rest is never read). */
async function readCapped(response: Response, limit: number): Promise<string | null> {
  if (Number(response.headers.get('content-length') ?? 0) > limit) {
    await response.body?.cancel();
    return null;
  }
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > limit) return null; // leaving the loop cancels the stream
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
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

function errorCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code ?? (error as { code?: string }).code;
}

function describeNetworkError(error: unknown): string {
  return errorCode(error) ?? (error instanceof Error ? error.message : 'network error');
}
