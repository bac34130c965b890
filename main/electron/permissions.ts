// Onramp's pages need no camera, microphone, location, notifications, MIDI, HID, serial, USB or
// fullscreen-by-script: every permission request and check is refused. One exception: writing
// (sanitized) text to the clipboard from our own main frame, so "copy this command" buttons
// work; it cannot read anything. Without a handler Electron grants most permissions.
// https://www.electronjs.org/docs/latest/tutorial/security#5-handle-session-permission-requests-from-remote-content
import type { Session } from 'electron';
import { isAppUrl } from './app-origin';

export type SessionPermissionsLike = Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
>;

const CLIPBOARD_WRITE = 'clipboard-sanitized-write';

/** Whether a permission may be granted: only a clipboard write from our own origin. */
export function permissionAllowed(permission: string, requestingUrl: string | undefined): boolean {
  return permission === CLIPBOARD_WRITE && isAppUrl(requestingUrl);
}

export function denyPermissions(session: SessionPermissionsLike): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(permissionAllowed(permission, details.requestingUrl)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    permissionAllowed(permission, requestingOrigin),
  );
  session.setDevicePermissionHandler(() => false);
}
