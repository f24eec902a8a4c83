/**
 * Headers of every browser-mode answer. The CSP repeats the page's meta tag as a header (a header
 * also covers what the meta tag cannot: frame-ancestors); no-referrer keeps a launch URL from
 * leaking; nosniff and no-store keep the browser from guessing types or keeping pages.
 */
export const browserSecurityHeaders = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self' ws://127.0.0.1:* ws://localhost:*; object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'self' blob:; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
} as const;
