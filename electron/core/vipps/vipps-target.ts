import type { Product } from '../product';

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
  /** Who calls: sent as Vipps' system headers. */
  product: Product;
}

/** The headers every Vipps call after the token carries (DESIGN.md, "Vipps check-in"). */
export function vippsHeaders(target: VippsTarget, accessToken: string): Record<string, string> {
  return {
    authorization: `Bearer ${accessToken}`,
    'Ocp-Apim-Subscription-Key': target.subscriptionKey,
    'Merchant-Serial-Number': target.merchantSerialNumber,
    ...vippsSystemHeaders(target.product),
  };
}

/**
 * Vipps MobilePay asks every integration to say what it is, on every call (its "HTTP headers"
 * page): at most 30 characters each. The kiosk is no plugin of another system, and for that
 * case the page says to send the same as the system's.
 */
export function vippsSystemHeaders(product: Product): Record<string, string> {
  const value = (text: string) => text.replace(/[^\x20-\x7e]/g, '').slice(0, 30) || 'unknown';
  return {
    'Vipps-System-Name': value(product.name),
    'Vipps-System-Version': value(product.version),
    'Vipps-System-Plugin-Name': value(product.name),
    'Vipps-System-Plugin-Version': value(product.version),
  };
}
