/**
 * The sandbox's Vipps: the access token, QR exchange and loyalty check-in endpoints
 * (DESIGN.md, "Vipps check-in"), with credentials made anew at every start and checked on
 * every call, so the kiosk's Vipps client is exercised as it would be against Vipps. Requests
 * are held to Vipps MobilePay's published OpenAPI files (sandbox-vipps-rules.ts), and answers
 * take their published shapes, refusals included.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type http from 'node:http';
import { send, sendAs } from './sandbox-http';
import { parsePersonalQr, VIPPS_QR_ORIGIN } from '../scan/personal-qr';
import { SANDBOX_VIPPS_QR_TOKENS } from './sandbox-members';
import { checkInHeaderProblem, CheckInRequest, ExchangeRequest, tokenHeaderProblem } from './sandbox-vipps-rules';

export interface SandboxVippsCredentials {
  clientId: string;
  clientSecret: string;
  subscriptionKey: string;
  merchantSerialNumber: string;
}

const TOKEN_LIFETIME_S = 3600;
const PROBLEM_JSON = 'application/problem+json';

export class SandboxVipps {
  readonly credentials: SandboxVippsCredentials = {
    clientId: randomUUID(),
    clientSecret: randomBytes(18).toString('base64url'),
    subscriptionKey: randomBytes(16).toString('hex'),
    merchantSerialNumber: '123456',
  };
  private readonly accessTokens = new Set<string>();

  /** Answers the request when it is one of Vipps' paths; false when it is not. `body` is parsed JSON (undefined: none, or not JSON). */
  handle(req: http.IncomingMessage, res: http.ServerResponse, body: unknown): boolean {
    if (req.method !== 'POST') return false;
    switch (req.url) {
      case '/accesstoken/get':
        this.issueToken(req, res);
        return true;
      case '/qr/v1/exchange':
        this.exchange(req, res, body);
        return true;
      case '/point-of-sale/v1/loyalty-check-in':
        this.checkIn(req, res, body);
        return true;
      default:
        return false;
    }
  }

  private issueToken(req: http.IncomingMessage, res: http.ServerResponse): void {
    const malformed = tokenHeaderProblem(req);
    if (malformed) return send(res, 400, { error: 'invalid_request', error_description: malformed });
    const { clientId, clientSecret, subscriptionKey, merchantSerialNumber } = this.credentials;
    const h = req.headers;
    const msn = h['merchant-serial-number'];
    if (h.client_id !== clientId || h.client_secret !== clientSecret || h['ocp-apim-subscription-key'] !== subscriptionKey || (msn !== undefined && msn !== merchantSerialNumber)) {
      return send(res, 401, { error: 'invalid_client' });
    }
    const token = randomBytes(24).toString('base64url');
    this.accessTokens.add(token);
    const now = Math.floor(Date.now() / 1000);
    // AuthorizationTokenResponse as published: every field a string.
    sendAs(res, 200, 'application/json;charset=UTF-8', {
      token_type: 'Bearer',
      expires_in: String(TOKEN_LIFETIME_S),
      ext_expires_in: '0',
      expires_on: String(now + TOKEN_LIFETIME_S),
      not_before: String(now),
      resource: '00000002-0000-0000-c000-000000000000',
      access_token: token,
    });
  }

  private exchange(req: http.IncomingMessage, res: http.ServerResponse, raw: unknown): void {
    if (!this.authorised(req)) return send(res, 401, { error: 'Unauthorized' });
    const body = ExchangeRequest.safeParse(raw);
    if (!body.success) return this.badExchange(res, 'qrCode', 'The complete data contained in the QR code is required.');
    // As Vipps does: a phone-form code gives the number in it, a token the number behind it.
    const phoneForm = parsePersonalQr(body.data.qrCode, [VIPPS_QR_ORIGIN]);
    const msisdn = phoneForm.ok && phoneForm.qr.form === 'phone' ? phoneForm.qr.msisdn : SANDBOX_VIPPS_QR_TOKENS.get(body.data.qrCode);
    // The QR API's documented refusal of a code it cannot exchange: 400, a problem body.
    if (!msisdn) return this.badExchange(res, 'qrCode', 'The QR code is unknown or has expired.');
    send(res, 200, { msisdn, timestamp: Math.floor(Date.now() / 1000), version: '2.0' });
  }

  private badExchange(res: http.ServerResponse, name: string, reason: string): void {
    sendAs(res, 400, PROBLEM_JSON, { title: 'Bad request', status: 400, detail: 'The request body contains one or more invalid parameters.', extraDetails: [{ name, reason }] });
  }

  private checkIn(req: http.IncomingMessage, res: http.ServerResponse, raw: unknown): void {
    if (!this.authorised(req)) return send(res, 401, { error: 'Unauthorized' });
    const malformed = checkInHeaderProblem(req);
    const body = CheckInRequest.safeParse(raw);
    if (malformed || !body.success) {
      const invalidParams = malformed ? [{ name: 'headers', reason: malformed }] : (body.error?.issues ?? []).map((issue) => ({ name: String(issue.path[0] ?? 'body'), reason: issue.message }));
      return sendAs(res, 400, PROBLEM_JSON, { type: 'https://datatracker.ietf.org/doc/html/rfc7231#section-6.5.1', title: 'One or more validation errors occurred.', detail: 'BadRequest', instance: randomUUID(), invalidParams });
    }
    send(res, 200, {});
  }

  /** A token this sandbox issued, its subscription key, and its MSN when sent (optional, as published). */
  private authorised(req: http.IncomingMessage): boolean {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const msn = req.headers['merchant-serial-number'];
    return (
      bearer !== undefined &&
      this.accessTokens.has(bearer) &&
      req.headers['ocp-apim-subscription-key'] === this.credentials.subscriptionKey &&
      (msn === undefined || msn === this.credentials.merchantSerialNumber)
    );
  }
}
