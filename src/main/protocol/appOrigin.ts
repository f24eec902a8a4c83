/**
 * The desk page's origin in the app: a standard, secure custom scheme served from the packaged
 * files (Electron's security guide: prefer a custom protocol to file://, whose module scripts the
 * grantFileProtocolExtraPrivileges fuse blocks).
 */
export const appScheme = 'app';
export const appHost = 'guichet';
export const appPageUrl = `${appScheme}://${appHost}/index.html`;

/** The renderer's CSP, sent as a response header (no WebSocket: IPC replaces browser mode's). */
export const rendererContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'self' blob:",
  "frame-ancestors 'none'",
].join('; ');
