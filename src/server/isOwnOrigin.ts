import { isOwnHost } from './isOwnHost';

/** A missing Origin is a non-browser client (allowed with the token); a present one must be ours. */
export function isOwnOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  const prefix = 'http://';
  return origin.startsWith(prefix) && isOwnHost(origin.slice(prefix.length), port);
}
