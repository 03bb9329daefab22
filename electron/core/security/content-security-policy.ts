/**
 * The pages' Content-Security-Policy, sent as a header by both shells. Nothing but the app's own
 * scripts, styles, sounds and workers; no network from a page except, in the web shell, its own bridge.
 * Only the web shell frames a page (its UI embeds the capture page, where Electron opens a
 * hidden window instead).
 */
export function contentSecurityPolicy(options: { bridgeOrigin?: string } = {}): string {
  const web = options.bridgeOrigin !== undefined;
  return [
    "default-src 'none'",
    "script-src 'self'",
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
