export interface RequestTarget {
  /** The decoded path (`/index.html`). */
  pathname: string;
  searchParams: URLSearchParams;
}

/**
 * Parses a request line's target without ever throwing: anything that is not an origin-form path
 * (`//x`, `*`, an absolute URL), that `new URL` refuses, or whose percent-escapes do not decode to
 * UTF-8 (`/%`, `/%c0%ae`) is null, answered 400 by the caller.
 */
export function readRequestTarget(rawUrl: string | undefined): RequestTarget | null {
  if (rawUrl === undefined || !rawUrl.startsWith('/') || rawUrl.startsWith('//') || rawUrl.length > 8192) return null;
  let url: URL;
  try {
    url = new URL(rawUrl, 'http://localhost');
  } catch {
    return null;
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  return { pathname, searchParams: url.searchParams };
}
