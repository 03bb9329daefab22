/**
 * What Vipps MobilePay's published OpenAPI files require of each request the kiosk sends, as
 * the sandbox checks it: no laxer, so that what passes here passes at Vipps (the tests hold
 * these rules against copies of the files, test/fixtures/vipps-openapi/).
 * - Access token API 2.0.0 (vippsas/access-token-api, docs/swagger.yaml): headers `client_id`
 *   (`format: guid`), `client_secret`, `Ocp-Apim-Subscription-Key` required;
 *   `Merchant-Serial-Number` optional, `^[0-9]{4,6}$` (the other two files: any text; the
 *   sandbox refuses one that is not its own as a credential, 401).
 * - QR API 1.0 (vippsas/vipps-qr-api): `POST /qr/v1/exchange`, `Authorization` and
 *   `Ocp-Apim-Subscription-Key` required, body `{"qrCode": string, "requestedData"?: ["MSISDN"]}`.
 * - Check-in API 1.0.2 (vippsas/vipps-check-in-api): `POST /point-of-sale/v1/loyalty-check-in`,
 *   the same headers, body `{"phoneNumber": "^47[0-9]{8}$" | null, "isMember": boolean | null}`
 *   (both required, both `nullable` as published; other fields are not forbidden).
 * The token call and the check-in: `Vipps-System-Name`, `-Version`, `-Plugin-Name`, `-Plugin-Version`
 * optional, at most 30 characters (the QR file does not list them for the exchange).
 */
import type http from 'node:http';
import { z } from 'zod';

/** `format: guid`, as .NET and the Vipps portal write one. */
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const SYSTEM_HEADERS = ['vipps-system-name', 'vipps-system-version', 'vipps-system-plugin-name', 'vipps-system-plugin-version'];

/** Why a request's headers break the published rules, or null when they keep them. */
function headerProblem(req: http.IncomingMessage, required: readonly string[]): string | null {
  for (const name of required) if (typeof req.headers[name] !== 'string') return `${name} is required`;
  for (const name of SYSTEM_HEADERS) {
    const value = req.headers[name];
    if (value !== undefined && String(value).length > 30) return `${name} is longer than 30 characters`;
  }
  return null;
}

/** The token call's own: `client_id` a GUID (its secret and key are checked as credentials). */
export function tokenHeaderProblem(req: http.IncomingMessage): string | null {
  const problem = headerProblem(req, ['client_id', 'client_secret', 'ocp-apim-subscription-key']);
  if (problem) return problem;
  // Only the Access token file gives the MSN a pattern; the QR and Check-in files take any text.
  const msn = req.headers['merchant-serial-number'];
  if (msn !== undefined && !/^[0-9]{4,6}$/.test(String(msn))) return 'Merchant-Serial-Number must be 4 to 6 digits';
  return GUID.test(String(req.headers.client_id)) ? null : 'client_id must be a GUID';
}

/** The check-in's headers (a missing Authorization or subscription key is refused as a credential: 401). */
export const checkInHeaderProblem = (req: http.IncomingMessage) => headerProblem(req, []);

export const ExchangeRequest = z.looseObject({
  qrCode: z.string(),
  requestedData: z.array(z.literal('MSISDN')).optional(),
});

export const CheckInRequest = z.looseObject({
  phoneNumber: z.string().regex(/^47[0-9]{8}$/, 'must be in MSISDN format: 47 and 8 digits').nullable(),
  isMember: z.boolean().nullable(),
});
