/**
 * The pages' Content-Security-Policy, sent as a header by both shells. Nothing but the app's own
 * scripts, styles, sounds and workers; no network from a page except, in the web shell, its own bridge.
 * Only the web shell frames a page (its UI embeds the capture page, where Electron opens a
 * hidden window instead). The capture page alone (everything under /capture/, its worker
 * included: a worker is governed by its own script's policy) may compile WebAssembly, for
 * ZXing-C++; the customer UI never may.
 */
export type PolicyPage = 'ui' | 'capture';

/** Which page a served path belongs to. */
export function policyPageOf(urlPath: string): PolicyPage {
  return urlPath.startsWith('/capture/') ? 'capture' : 'ui';
}

export function contentSecurityPolicy(options: { bridgeOrigin?: string; page?: PolicyPage } = {}): string {
  const web = options.bridgeOrigin !== undefined;
  return [
    "default-src 'none'",
    options.page === 'capture' ? "script-src 'self' 'wasm-unsafe-eval'" : "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    // The result sounds (bundled files of the app's own).
    "media-src 'self'",
    "worker-src 'self'",
    `connect-src ${options.bridgeOrigin ?? "'none'"}`,
    `frame-src ${web ? "'self'" : "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${web ? "'self'" : "'none'"}`,
  ].join('; ');
}
