import { pathToFileURL } from 'node:url';

/**
 * Only our own renderer page may call the desk: the dev server URL in development, the packaged
 * index.html otherwise. Anything else (a navigated-away frame, an injected iframe) is refused.
 */
export function isTrustedSender(frameUrl: string | undefined, { devServerUrl, rendererFile }: { devServerUrl?: string; rendererFile: string }): boolean {
  if (frameUrl === undefined || frameUrl === '') return false;
  let url: URL;
  try {
    url = new URL(frameUrl);
  } catch {
    return false;
  }
  if (devServerUrl !== undefined && devServerUrl !== '') {
    return url.origin === new URL(devServerUrl).origin;
  }
  return url.protocol === 'file:' && url.pathname === pathToFileURL(rendererFile).pathname;
}
