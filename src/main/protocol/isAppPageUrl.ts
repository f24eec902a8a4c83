import { appHost, appScheme } from './appOrigin';

/** True for a URL of the desk's own pages (`app://guichet/…`), whatever its path. */
export function isAppPageUrl(candidate: string | undefined): boolean {
  if (candidate === undefined || candidate === '') return false;
  try {
    const url = new URL(candidate);
    // Node parses app: as a non-special scheme (origin "null"): compare its parts instead.
    return url.protocol === `${appScheme}:` && url.host === appHost && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}
