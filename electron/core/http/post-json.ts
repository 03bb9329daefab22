/**
 * One JSON POST to a back end outside this kiosk (identify, Vipps): a deadline, an answer read
 * with a size cap, and failures described without the request's content. Redirects are errors:
 * a redirect would carry the bearer token somewhere the configuration never named.
 */

export interface JsonPost {
  url: string;
  headers: Record<string, string>;
  /** Serialised as JSON; absent sends an empty body (Vipps' token call wants one). */
  body?: unknown;
  /** JSON already serialised, sent byte for byte (a signed body must not be re-serialised). */
  rawBody?: string;
  timeoutMs: number;
  /** Retry once, shortly, when the connection was refused: then nothing reached the server. */
  retryRefused?: boolean;
}

/** The answer's body: parsed JSON, `undefined` when empty, or `BAD_JSON`. */
export type JsonReply = { status: number; body: unknown };

export type PostResult = { ok: true; reply: JsonReply } | { ok: false; failure: 'timeout' | 'unreachable'; detail: string };

export const BAD_JSON = Symbol('bad JSON');

const MAX_ANSWER_BYTES = 256 * 1024;
const REFUSED_RETRY_DELAY_MS = 250;

/**
 * @param signal aborts the call when its caller gives up; the promise then rejects with the
 * abort reason, so an abandoned call never produces a result.
 */
export async function postJson(request: JsonPost, signal?: AbortSignal): Promise<PostResult> {
  const deadline = AbortSignal.timeout(request.timeoutMs);
  const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
  try {
    const response = await sendWithRefusedRetry(request, combined);
    const text = await readCapped(response, MAX_ANSWER_BYTES);
    combined.throwIfAborted();
    return { ok: true, reply: { status: response.status, body: parseBody(text) } };
  } catch (error) {
    signal?.throwIfAborted();
    if (deadline.aborted) return { ok: false, failure: 'timeout', detail: `no answer within ${request.timeoutMs} ms` };
    return { ok: false, failure: 'unreachable', detail: describeNetworkError(error) };
  }
}

async function sendWithRefusedRetry(request: JsonPost, signal: AbortSignal): Promise<Response> {
  const send = () =>
    fetch(request.url, {
      method: 'POST',
      headers: { accept: 'application/json', ...(request.body === undefined && request.rawBody === undefined ? {} : { 'content-type': 'application/json' }), ...request.headers },
      body: request.rawBody ?? (request.body === undefined ? '' : JSON.stringify(request.body)),
      redirect: 'error',
      signal,
    });
  try {
    return await send();
  } catch (error) {
    if (!request.retryRefused || errorCode(error) !== 'ECONNREFUSED') throw error;
    await new Promise((resolve) => setTimeout(resolve, REFUSED_RETRY_DELAY_MS));
    signal.throwIfAborted();
    return send();
  }
}

function parseBody(text: string | null): unknown {
  if (text === null) return BAD_JSON;
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return BAD_JSON;
  }
}

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

function errorCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code ?? (error as { code?: string }).code;
}

/** An error code or class, never the message: fetch quotes header values (secrets) in its messages. */
function describeNetworkError(error: unknown): string {
  return errorCode(error) ?? (error instanceof Error ? error.name : 'network error');
}
