/**
 * The UI's Content-Security-Policy, sent as a header by both shells. Nothing but the app's own
 * scripts and styles; no network from the renderer except, in the web shell, its own bridge.
 */
export function contentSecurityPolicy(options: { bridgeOrigin?: string } = {}): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "worker-src 'self'",
    // The web shell's UI embeds the capture page, as Electron's main opens its hidden window.
    "frame-src 'self'",
    `connect-src ${options.bridgeOrigin ?? "'none'"}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'self'",
  ].join('; ');
}
