import { readFile, realpath } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { appHost, rendererContentSecurityPolicy } from './appOrigin';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
};

const refuse = (status: 403 | 404 | 405, text: string) => new Response(text, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/**
 * The `app://guichet/…` handler: the built renderer's files from `rendererDir`, nothing else.
 * Encoded `..`, backslashes and symbolic links out of the folder are refused; the page's CSP goes
 * out as a header on every response.
 */
export function createRendererFileHandler(rendererDir: string): (request: Request) => Promise<Response> {
  const root = resolve(rendererDir);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Method not allowed');
    const url = new URL(request.url);
    if (url.host !== appHost) return refuse(404, 'Not found');
    let path: string;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      return refuse(403, 'Forbidden');
    }
    if (path.includes('\0') || path.includes('\\') || path.split('/').includes('..')) return refuse(403, 'Forbidden');
    const file = resolve(root, `.${path === '/' ? '/index.html' : path}`);
    const inside = (candidate: string, base: string) => {
      const rest = relative(base, candidate);
      return rest !== '' && !rest.startsWith(`..${sep}`) && rest !== '..' && !isAbsolute(rest);
    };
    if (!inside(file, root)) return refuse(403, 'Forbidden');
    let body: Buffer;
    try {
      if (!inside(await realpath(file), await realpath(root))) return refuse(403, 'Forbidden');
      body = await readFile(file);
    } catch {
      return refuse(404, 'Not found');
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'content-type': contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'content-security-policy': rendererContentSecurityPolicy,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
      },
    });
  };
}
