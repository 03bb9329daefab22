/**
 * Permission requests and checks: nothing for the customer UI; the camera (video only) for the
 * capture page alone, identified by its WebContents and by the URL its frame shows.
 *
 * Electron calls the check handler with `requestingOrigin` as a URL with a trailing slash
 * (`kiosk://app/`, as spec/api-session-spec.ts shows), and with the frame's last committed URL
 * in `details.requestingUrl` and, for the camera, `details.mediaType: 'video'` (session.md,
 * shell/browser/electron_permission_manager.cc). The check decides whether
 * `enumerateDevices()` gives the capture page cameras' IDs and labels, which staff pick from.
 */
import type { Session, WebContents } from 'electron';
import { APP_ORIGIN } from './app-protocol';
import { PAGE_URLS } from './ipc';

type IsCapturePage = (contents: WebContents | null) => boolean;

export function setupPermissions(target: Session, isCapturePage: IsCapturePage = () => false): void {
  target.setPermissionRequestHandler((contents, permission, callback, details) => {
    const mediaTypes = (details as { mediaTypes?: string[] }).mediaTypes ?? [];
    const videoOnly = mediaTypes.length > 0 && mediaTypes.every((type) => type === 'video');
    callback(permission === 'media' && videoOnly && isCapturePage(contents) && onCapturePage(details.requestingUrl));
  });
  target.setPermissionCheckHandler(
    (contents, permission, requestingOrigin, details) =>
      permission === 'media' &&
      details.mediaType === 'video' &&
      isCapturePage(contents) &&
      details.isMainFrame &&
      onCapturePage(details.requestingUrl) &&
      // and the origin, in the form Electron gives it: with its trailing slash.
      requestingOrigin === `${APP_ORIGIN}/`,
  );
  target.setDevicePermissionHandler(() => false);
}

function onCapturePage(url: string | undefined): boolean {
  return (url ?? '').split(/[?#]/)[0] === PAGE_URLS.capture;
}
