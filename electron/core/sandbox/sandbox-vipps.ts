/**
 * The sandbox's Vipps: the access token, QR exchange and loyalty check-in endpoints
 * (DESIGN.md, "Vipps check-in"), with credentials made anew at every start and checked on
 * every call, so the kiosk's Vipps client is exercised as it would be against Vipps.
 */
import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import { z } from 'zod';
import { parseJson, readBody, send } from './sandbox-http';
import { parsePersonalQr, VIPPS_QR_ORIGIN } from '../scan/personal-qr';
import { SANDBOX_VIPPS_QR_TOKENS } from './sandbox-members';

export interface SandboxVippsCredentials {
  clientId: string;
  clientSecret: string;
  subscriptionKey: string;
  merchantSerialNumber: string;
}

const TOKEN_LIFETIME_S = 3600;

const ExchangeBody = z.object({ qrCode: z.string().min(1).max(512) });
const CheckInBody = z.object({
  phoneNumber: z.string().regex(/^[1-9][0-9]{7,14}$/),
  isMember: z.boolean(),
  loyaltyProgramName: z.string().max(100).optional(),
});

export class SandboxVipps {
  readonly credentials: SandboxVippsCredentials = {
    clientId: 'sandbox-client',
    clientSecret: randomBytes(18).toString('base64url'),
    subscriptionKey: randomBytes(16).toString('hex'),
    merchantSerialNumber: '123456',
  };
  private readonly accessTokens = new Set<string>();

  /** Answers the request when it is one of Vipps' paths; false when it is not. */
  async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> {
    if (req.method !== 'POST') return false;
    switch (req.url) {
      case '/accesstoken/get':
        this.issueToken(req, res);
        return true;
      case '/qr/v1/exchange':
        await this.exchange(req, res);
        return true;
      case '/point-of-sale/v1/loyalty-check-in':
        await this.checkIn(req, res);
        return true;
      default:
        return false;
    }
  }

  private issueToken(req: http.IncomingMessage, res: http.ServerResponse): void {
    const { clientId, clientSecret, subscriptionKey, merchantSerialNumber } = this.credentials;
    const h = req.headers;
    if (h.client_id !== clientId || h.client_secret !== clientSecret || h['ocp-apim-subscription-key'] !== subscriptionKey || h['merchant-serial-number'] !== merchantSerialNumber) {
      return send(res, 401, { error: 'invalid_client' });
    }
    const token = randomBytes(24).toString('base64url');
    this.accessTokens.add(token);
    send(res, 200, { token_type: 'Bearer', expires_in: TOKEN_LIFETIME_S, access_token: token });
  }

  private async exchange(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!this.authorised(req)) return send(res, 401, { error: 'Unauthorized' });
    const body = ExchangeBody.safeParse(parseJson(await readBody(req)));
    if (!body.success) return send(res, 400, { error: 'InvalidRequest' });
    // As Vipps does: a phone-form code gives the number in it, a token the number behind it.
    const phoneForm = parsePersonalQr(body.data.qrCode, [VIPPS_QR_ORIGIN]);
    const msisdn = phoneForm.ok && phoneForm.qr.form === 'phone' ? phoneForm.qr.msisdn : SANDBOX_VIPPS_QR_TOKENS[body.data.qrCode];
    if (!msisdn) return send(res, 404, { error: 'QrCodeNotFound' });
    send(res, 200, { msisdn, timestamp: Math.floor(Date.now() / 1000), version: '2.0' });
  }

  private async checkIn(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!this.authorised(req)) return send(res, 401, { error: 'Unauthorized' });
    const body = CheckInBody.safeParse(parseJson(await readBody(req)));
    if (!body.success) return send(res, 400, { error: 'InvalidRequest' });
    send(res, 200, {});
  }

  private authorised(req: http.IncomingMessage): boolean {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    return (
      bearer !== undefined &&
      this.accessTokens.has(bearer) &&
      req.headers['ocp-apim-subscription-key'] === this.credentials.subscriptionKey &&
      req.headers['merchant-serial-number'] === this.credentials.merchantSerialNumber
    );
  }
}
