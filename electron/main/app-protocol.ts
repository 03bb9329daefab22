/**
 * The UI is loaded from `kiosk://app/`, a privileged custom scheme, not `file://`: a file URL
 * would give the page the whole disk as its origin. Every answer carries the strict CSP.
 */
import { protocol } from 'electron';
import path from 'node:path';
import { contentSecurityPolicy, policyPageOf } from '../core/security/content-security-policy';
import { readStaticFile } from '../core/static/static-files';

export const APP_SCHEME = 'kiosk';
export const APP_ORIGIN = `${APP_SCHEME}://app`;
export const APP_URL = `${APP_ORIGIN}/index.html`;

/**
 * Must run before `app` is ready. `supportFetchAPI` lets the page load its own ES modules
 * (fetched in CORS mode); without `corsEnabled`, no other origin can read from the scheme.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export function serveRenderer(rendererDir: string): void {
  const root = path.resolve(rendererDir);
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === 'app' && request.method === 'GET' ? await readStaticFile(root, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      headers: {
        'content-type': file.contentType,
        'content-security-policy': contentSecurityPolicy({ page: policyPageOf(url.pathname) }),
        'x-content-type-options': 'nosniff',
      },
    });
  });
}
