import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import WebSocket from 'ws';
import { simulatedLoginCardId } from '../../src/core/cards/buildSimulatedCatalog';
import { simulatedReaderNames } from '../../src/core/cards/createCardService';
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

/** Sends the frames one after the other on one connection, collecting the replies (events skipped). */
function call(url: string, frames: object[]): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers: { Origin: `http://127.0.0.1:${desk.server.port}` } });
    const replies: unknown[] = [];
    socket.on('open', () => socket.send(JSON.stringify(frames[0])));
    socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as { id?: number };
      if (frame.id === undefined) return;
      replies.push(frame);
      if (replies.length === frames.length) {
        socket.close();
        resolve(replies);
      } else socket.send(JSON.stringify(frames[replies.length]));
    });
    socket.on('error', reject);
  });
}

const agentCardId = () => {
  const agent = desk.core.db.prepare("SELECT i.id, i.rpps FROM agents a JOIN identities i ON i.id = a.identity_id WHERE a.role = 'badge-office' ORDER BY i.id LIMIT 1").get() as { id: string; rpps: string | null };
  return simulatedLoginCardId({ identityId: agent.id, rpps: agent.rpps });
};

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

  it('validates every call: unknown method, bad arguments, personal data refused without a session, then answered with one', async () => {
    await desk.core.cards.insertSimulatedCard(simulatedReaderNames.agent, agentCardId());
    const replies = await call(`${base()}?token=${desk.server.token}`, [
      { id: 1, method: 'eval', input: {} },
      { id: 2, method: 'searchPeople', input: { query: 'x', limit: 10_000 } },
      { id: 3, method: 'searchPeople', input: { query: 'martin', limit: 2 } },
      { id: 4, method: 'getPerson', input: { identityId: 'x' } },
      { id: 5, method: 'listReviewProposals', input: {} },
      { id: 6, method: 'listSources', input: {} },
      { id: 7, method: 'listRejectedLines', input: { runId: 1 } },
      { id: 8, method: 'listCardReaders', input: {} },
      { id: 9, method: 'openDeskSession', input: { reader: simulatedReaderNames.agent, pin: '1234' } },
      { id: 10, method: 'searchPeople', input: { query: 'martin', limit: 2 } },
    ]);
    expect(replies[0]).toMatchObject({ id: 1, result: { ok: false, error: { code: 'UNKNOWN_METHOD' } } });
    expect(replies[1]).toMatchObject({ id: 2, result: { ok: false, error: { code: 'INVALID_ARGUMENT' } } });
    for (const reply of replies.slice(2, 7)) expect(reply).toMatchObject({ result: { ok: false, error: { code: 'UNAUTHENTICATED' } } });
    const readers = (replies[7] as { result: { value: { readers: { name: string; card: { cps: { idNat: string; rpps: string | null; lastName: string } | null; uid: string | null } | null }[] } } }).result.value.readers;
    const agentReader = readers.find((reader) => reader.name === simulatedReaderNames.agent)!;
    expect(agentReader.card?.cps).toMatchObject({ idNat: '', rpps: null });
    expect(agentReader.card?.cps?.lastName).not.toBe('');
    expect(agentReader.card?.uid).toBeNull();
    expect(replies[8]).toMatchObject({ id: 9, result: { ok: true, value: { state: 'open' } } });
    expect(replies[9]).toMatchObject({ id: 10, result: { ok: true } });
    expect((replies[9] as { result: { value: unknown[] } }).result.value).toHaveLength(2);
    const lookups = desk.core.db.prepare("SELECT COUNT(*) AS n FROM journal WHERE action = 'personal-data.read'").get() as { n: number };
    expect(lookups.n).toBeGreaterThan(0);
  });

  it('without a session: card events carry no identity, and only an agent card goes into the agent reader', async () => {
    const person = desk.core.db.prepare('SELECT id FROM identities WHERE rpps IS NOT NULL AND id NOT IN (SELECT identity_id FROM agents) LIMIT 1').get() as { id: string };
    const events: { event: string; payload: { cps?: unknown; reader?: { card: { cps: unknown } | null } } }[] = [];
    const socket = new WebSocket(`${base()}?token=${desk.server.token}`);
    socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as { event?: string; payload: never };
      if (frame.event !== undefined) events.push({ event: frame.event, payload: frame.payload });
    });
    await new Promise((resolve) => socket.once('open', resolve));
    await desk.core.cards.insertSimulatedCard(simulatedReaderNames.contact, `cps:${person.id}`);
    await expect.poll(() => events.some((event) => event.event === 'cardInserted')).toBe(true);
    for (const event of events) {
      if (event.event === 'cardInserted') expect(event.payload.cps).toBeNull();
      if (event.event === 'readerChanged') expect(event.payload.reader?.card?.cps ?? null).toBeNull();
    }
    socket.close();
    const refused = await call(`${base()}?token=${desk.server.token}`, [
      { id: 1, method: 'insertSimulatedCard', input: { reader: simulatedReaderNames.contact, cardId: `cps:${person.id}` } },
      { id: 2, method: 'insertSimulatedCard', input: { reader: simulatedReaderNames.agent, cardId: `cps:${person.id}` } },
      { id: 3, method: 'listSimulatedCards', input: {} },
      { id: 4, method: 'openDeskSession', input: { reader: simulatedReaderNames.contact, pin: '1234' } },
    ]);
    expect(refused[0]).toMatchObject({ result: { ok: false, error: { code: 'UNAUTHENTICATED' } } });
    expect(refused[1]).toMatchObject({ result: { ok: false, error: { code: 'UNAUTHENTICATED' } } });
    const box = (refused[2] as { result: { value: { identityId: string | null }[] } }).result.value;
    const agentIds = new Set((desk.core.db.prepare('SELECT identity_id AS id FROM agents').all() as { id: string }[]).map((row) => row.id));
    expect(box.length).toBeGreaterThan(0);
    expect(box.every((card) => card.identityId !== null && agentIds.has(card.identityId))).toBe(true);
    expect(refused[3]).toMatchObject({ result: { ok: false, error: { code: 'FORBIDDEN', details: { rule: 'not-agent-reader' } } } });
  });

  it('never lets a connection without a session block an agent’s card', async () => {
    await desk.core.cards.insertSimulatedCard(simulatedReaderNames.agent, agentCardId());
    const wrong = { method: 'openDeskSession', input: { reader: simulatedReaderNames.agent, pin: '0000' } };
    const first = await call(`${base()}?token=${desk.server.token}`, [1, 2, 3].map((id) => ({ id, ...wrong })));
    expect(first[0]).toMatchObject({ result: { ok: false, error: { code: 'UNAUTHENTICATED', details: { triesLeft: 2 } } } });
    expect(first[1]).toMatchObject({ result: { ok: false, error: { code: 'UNAUTHENTICATED', details: { triesLeft: 1 } } } });
    expect(first[2]).toMatchObject({ result: { ok: false, error: { code: 'UNAVAILABLE', details: { rule: 'login-cooldown' } } } });
    // A fresh connection (the cooldown is per connection) still cannot spend the last try without the card going in again.
    const second = await call(`${base()}?token=${desk.server.token}`, [{ id: 1, ...wrong }]);
    expect(second[0]).toMatchObject({ result: { ok: false, error: { code: 'PRECONDITION_FAILED', details: { rule: 'last-try-needs-reinsertion' } } } });
    // The agent at the desk pulls the card and inserts it again, then types the right PIN.
    desk.core.cards.removeSimulatedCard(simulatedReaderNames.agent);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await desk.core.cards.insertSimulatedCard(simulatedReaderNames.agent, agentCardId());
    const third = await call(`${base()}?token=${desk.server.token}`, [{ id: 1, method: 'openDeskSession', input: { reader: simulatedReaderNames.agent, pin: '1234' } }]);
    expect(third[0]).toMatchObject({ result: { ok: true, value: { state: 'open' } } });
  });

  it('opens with a one-time launch code on localhost, and refuses foreign hosts for static files', async () => {
    const launch = new URL(desk.server.createLaunchUrl());
    expect(launch.hostname).toBe('localhost');
    expect(launch.search).not.toContain(desk.server.token);
    const code = launch.searchParams.get('launch')!;
    const origin = `http://127.0.0.1:${desk.server.port}`;
    const exchange = await fetch(`${origin}/api/launch`, { method: 'POST', body: code, headers: { Origin: origin } });
    expect(exchange.status).toBe(200);
    expect(await exchange.json()).toEqual({ token: desk.server.token });
    expect((await fetch(`${origin}/api/launch`, { method: 'POST', body: code })).status).toBe(401);
    const second = new URL(desk.server.createLaunchUrl()).searchParams.get('launch')!;
    expect((await fetch(`${origin}/api/launch`, { method: 'POST', body: second, headers: { Origin: 'https://evil.example' } })).status).toBe(403);
    const page = await fetch(`${origin}/`);
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    const foreign = await rawRequest(`GET / HTTP/1.1\r\nHost: evil.example:${desk.server.port}\r\nConnection: close\r\n\r\n`);
    expect(foreign).toMatch(/^HTTP\/1\.1 403/);
  });

  it('takes an input bigger than a frame through the upload, with the token only', async () => {
    const origin = `http://127.0.0.1:${desk.server.port}`;
    const input = JSON.stringify({ query: 'martin', limit: 2, padding: 'x'.repeat(2 << 20) });
    expect((await fetch(`${origin}/api/upload`, { method: 'POST', body: input, headers: { 'Content-Type': 'application/json' } })).status).toBe(401);
    const upload = await fetch(`${origin}/api/upload`, { method: 'POST', body: input, headers: { 'Content-Type': 'application/json', 'x-guichet-token': desk.server.token } });
    expect(upload.status).toBe(201);
    const { uploadId } = (await upload.json()) as { uploadId: string };
    const replies = await call(`${base()}?token=${desk.server.token}`, [
      { id: 1, method: 'searchPeople', inputUpload: uploadId },
      { id: 2, method: 'searchPeople', inputUpload: uploadId },
    ]);
    // The padding is not in the contract: the dispatcher sees the whole uploaded input and refuses it; the upload is used once.
    expect(replies[0]).toMatchObject({ result: { ok: false, error: { code: 'INVALID_ARGUMENT' } } });
    expect(JSON.stringify(replies[0])).toContain('padding');
    expect(replies[1]).toMatchObject({ result: { ok: false, error: { code: 'INVALID_ARGUMENT' } } });
    expect(JSON.stringify(replies[1])).not.toContain('padding');
  });
});

/** A raw HTTP exchange (fetch cannot send a foreign Host header). */
function rawRequest(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(desk.server.port, '127.0.0.1', () => socket.end(text));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}
