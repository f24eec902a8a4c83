import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestDesk, type TestDesk } from '../support/startTestDesk';

let desk: TestDesk;
beforeAll(async () => {
  desk = await startTestDesk();
});
afterAll(async () => desk?.stop());

/** Resolves with the HTTP status of a refused upgrade, or 101 when the socket opens. */
function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.on('open', () => {
      socket.close();
      resolve(101);
    });
    socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.on('error', reject);
  });
}

function call(url: string, frames: object[]): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers: { Origin: `http://127.0.0.1:${desk.server.port}` } });
    const replies: unknown[] = [];
    socket.on('open', () => frames.forEach((frame) => socket.send(JSON.stringify(frame))));
    socket.on('message', (data) => {
      replies.push(JSON.parse(data.toString()));
      if (replies.length === frames.length) {
        socket.close();
        resolve(replies);
      }
    });
    socket.on('error', reject);
  });
}

describe('browser-mode guard', () => {
  const base = () => `ws://127.0.0.1:${desk.server.port}/api`;

  it('answers 401 without the token or with a wrong one', async () => {
    expect(await upgradeStatus(base())).toBe(401);
    expect(await upgradeStatus(`${base()}?token=`)).toBe(401);
    expect(await upgradeStatus(`${base()}?token=${desk.server.token}x`)).toBe(401);
    expect(await upgradeStatus(`${base()}?token=wrong`, { Origin: `http://127.0.0.1:${desk.server.port}` })).toBe(401);
  });

  it('answers 403 to a foreign Origin or Host, even with the token', async () => {
    const withToken = `${base()}?token=${desk.server.token}`;
    expect(await upgradeStatus(withToken, { Origin: 'https://evil.example' })).toBe(403);
    expect(await upgradeStatus(withToken, { Origin: `http://127.0.0.1:${desk.server.port + 1}` })).toBe(403);
    expect(await upgradeStatus(withToken, { Host: `evil.example:${desk.server.port}` })).toBe(403);
  });

  it('accepts our own page and non-browser clients with the token', async () => {
    const withToken = `${base()}?token=${desk.server.token}`;
    expect(await upgradeStatus(withToken, { Origin: `http://127.0.0.1:${desk.server.port}` })).toBe(101);
    expect(await upgradeStatus(withToken, { Origin: `http://localhost:${desk.server.port}` })).toBe(101);
    expect(await upgradeStatus(withToken)).toBe(101);
  });

  it('serves the renderer without the token but never the API over plain HTTP', async () => {
    const page = await fetch(`http://127.0.0.1:${desk.server.port}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(await page.text()).toContain("script-src 'self'");
    expect((await fetch(`http://127.0.0.1:${desk.server.port}/api`)).status).toBe(426);
    const escape = await fetch(`http://127.0.0.1:${desk.server.port}/..%2f..%2fpackage.json`);
    expect([403, 404]).toContain(escape.status);
    expect(await escape.text()).not.toContain('"name": "guichet"');
  });

  it('validates every call: unknown method, bad arguments, then a good call', async () => {
    const replies = await call(`${base()}?token=${desk.server.token}`, [
      { id: 1, method: 'eval', input: {} },
      { id: 2, method: 'searchPeople', input: { query: 'x', limit: 10_000 } },
      { id: 3, method: 'searchPeople', input: { query: 'martin', limit: 2 } },
    ]);
    expect(replies[0]).toMatchObject({ id: 1, result: { ok: false, error: { code: 'UNKNOWN_METHOD' } } });
    expect(replies[1]).toMatchObject({ id: 2, result: { ok: false, error: { code: 'INVALID_ARGUMENT' } } });
    expect(replies[2]).toMatchObject({ id: 3, result: { ok: true } });
    expect((replies[2] as { result: { value: unknown[] } }).result.value).toHaveLength(2);
  });
});
