import { isAppPageUrl } from './protocol/isAppPageUrl';

/**
 * Only our own renderer page may call the desk: the dev server URL in development, the packaged
 * page on `app://guichet/` otherwise. Anything else (a navigated-away frame, an injected iframe,
 * the FIDO ceremony window on the RP's origin) is refused.
 */
export function isTrustedSender(frameUrl: string | undefined, { devServerUrl }: { devServerUrl?: string | undefined } = {}): boolean {
  if (frameUrl === undefined || frameUrl === '') return false;
  if (devServerUrl !== undefined && devServerUrl !== '') {
    try {
      return new URL(frameUrl).origin === new URL(devServerUrl).origin;
    } catch {
      return false;
    }
  }
  return isAppPageUrl(frameUrl);
}
