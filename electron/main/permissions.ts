/**
 * Permission requests and checks: nothing for the customer UI; the camera (video only) for the
 * capture page alone, identified by its WebContents and its URL.
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
  target.setPermissionCheckHandler((contents, permission, requestingOrigin) => permission === 'media' && isCapturePage(contents) && requestingOrigin === APP_ORIGIN);
  target.setDevicePermissionHandler(() => false);
}

function onCapturePage(url: string | undefined): boolean {
  return (url ?? '').split(/[?#]/)[0] === PAGE_URLS.capture;
}
