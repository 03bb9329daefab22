/** Where and as whom the kiosk talks to Vipps: from the `vipps` config section, or the sandbox. */
export interface VippsTarget {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  subscriptionKey: string;
  merchantSerialNumber: string;
  /** Shown on the customer's phone; sent only when configured (the published v1.0.2 dropped it). */
  loyaltyProgramName: string | null;
  timeoutMs: number;
}

/** The headers every Vipps call after the token carries (DESIGN.md, "Vipps check-in"). */
export function vippsHeaders(target: VippsTarget, accessToken: string): Record<string, string> {
  return {
    authorization: `Bearer ${accessToken}`,
    'Ocp-Apim-Subscription-Key': target.subscriptionKey,
    'Merchant-Serial-Number': target.merchantSerialNumber,
  };
}
