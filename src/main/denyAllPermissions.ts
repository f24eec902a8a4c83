import type { Session } from 'electron';

/**
 * The desk needs no browser permission (camera, microphone, geolocation, notifications, HID…):
 * every request and every check is refused. Electron grants them by default, so each session the
 * app uses gets these handlers (Electron security checklist, "Handle session permission requests").
 * WebAuthn is not a permission here: it keeps working in the ceremony window.
 */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
