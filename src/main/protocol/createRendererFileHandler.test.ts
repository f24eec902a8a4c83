import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rendererContentSecurityPolicy } from './appOrigin';
import { createRendererFileHandler } from './createRendererFileHandler';

function rendererFixture() {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-app-protocol-'));
  const renderer = join(dir, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><script type="module" src="./assets/index.js"></script>');
  writeFileSync(join(renderer, 'assets', 'index.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), 'outside');
  symlinkSync(join(dir, 'secret.txt'), join(renderer, 'assets', 'link.txt'));
  return createRendererFileHandler(renderer);
}

describe('the app:// renderer handler', () => {
  const serve = rendererFixture();

  it('serves the page and its module scripts with their types and the CSP header', async () => {
    const page = await serve(new Request('app://guichet/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(rendererContentSecurityPolicy);
    expect(await page.text()).toContain('<script type="module"');
    const root = await serve(new Request('app://guichet/'));
    expect(root.status).toBe(200);
    const script = await serve(new Request('app://guichet/assets/index.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1)');
  });

  it('refuses every way out of the renderer folder', async () => {
    for (const url of ['app://guichet/..%2Fsecret.txt', 'app://guichet/assets/..%2F..%2Fsecret.txt', 'app://guichet/..%5Csecret.txt', 'app://guichet/%2e%2e/secret.txt', 'app://guichet/assets/link.txt', 'app://guichet/%E0%A4%A']) {
      const response = await serve(new Request(url));
      expect([403, 404], url).toContain(response.status);
      expect(await response.text(), url).not.toContain('outside');
    }
  });

  it('answers 404 for missing files and other hosts, 405 for writes', async () => {
    expect((await serve(new Request('app://guichet/missing.js'))).status).toBe(404);
    expect((await serve(new Request('app://elsewhere/index.html'))).status).toBe(404);
    expect((await serve(new Request('app://guichet/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});
