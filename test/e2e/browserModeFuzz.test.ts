import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { projectRoot } from '../support/startTestDesk';

/**
 * The HTTP/WebSocket surface of browser mode under malformed input, against a real `runBrowserMode`
 * process on loopback: after every batch the process must still run and answer. Bounded (a few
 * hundred requests and frames, seeded), so it runs in `npm test`.
 */
let child: ChildProcess;
let port = 0;
let token = '';
let stderr = '';
const dataDir = mkdtempSync(join(tmpdir(), 'guichet-fuzz-'));

beforeAll(async () => {
  child = spawn(join(projectRoot, 'node_modules', '.bin', 'tsx'), [join(projectRoot, 'test', 'support', 'runBrowserModeChild.ts'), dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const launchUrl = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no ready line after 90 s:\n${output}\n${stderr}`)), 90_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^Guichet ready: (http:\/\/localhost:\d+\/\?launch=[\w-]+)$/m.exec(output);
      if (match !== null) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`browser mode exited with ${code}:\n${stderr}`)));
  });
  const url = new URL(launchUrl);
  port = Number(url.port);
  const exchange = await fetch(`http://127.0.0.1:${port}/api/launch`, { method: 'POST', body: url.searchParams.get('launch')! });
  token = ((await exchange.json()) as { token: string }).token;
}, 120_000);

afterAll(() => {
  if (child?.exitCode === null) child.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Deterministic pseudo-random numbers (mulberry32), so a failure replays. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Sends raw bytes, resolves with the status line (or '' when the server just closed). The write
 * side stays open a moment, as a browser's does (a half-closed socket loses streamed answers).
 */
function raw(bytes: Buffer | string, timeoutMs = 3000): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(bytes));
    let answer = '';
    const halfClose = setTimeout(() => socket.end(), 1000);
    const timer = setTimeout(() => socket.destroy(), timeoutMs);
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('close', () => {
      clearTimeout(timer);
      clearTimeout(halfClose);
      resolve(answer.split('\r\n')[0] ?? '');
    });
    socket.on('error', () => {});
  });
}

const request = (target: string, headers = `Host: 127.0.0.1:${port}\r\n`) => raw(`GET ${target} HTTP/1.1\r\n${headers}Connection: close\r\n\r\n`);

async function expectAliveAndAnswering(): Promise<void> {
  expect(child.exitCode, stderr).toBeNull();
  const page = await fetch(`http://127.0.0.1:${port}/`);
  expect(page.status).toBe(200);
  const replies = await frames([{ id: 1, method: 'getDeskStatus', input: {} }]);
  expect(replies[0]).toMatchObject({ id: 1, result: { ok: true } });
}

/** Opens a socket, sends each frame (string, Buffer or object), resolves with the replies and the close code. */
function frames(toSend: unknown[], { binary = false, waitMs = 400 } = {}): Promise<unknown[] & { closeCode?: number }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`ws://127.0.0.1:${port}/api?token=${token}`);
    const replies: unknown[] & { closeCode?: number } = [];
    let timer: NodeJS.Timeout | undefined;
    const finish = () => {
      clearTimeout(timer);
      socket.terminate();
      resolve(replies);
    };
    socket.on('open', () => {
      for (const frame of toSend) {
        const data = typeof frame === 'string' || Buffer.isBuffer(frame) ? frame : JSON.stringify(frame);
        socket.send(data, { binary });
      }
      timer = setTimeout(finish, waitMs);
    });
    socket.on('message', (data) => {
      try {
        const frame = JSON.parse(data.toString()) as { id?: number };
        if (frame.id !== undefined) replies.push(frame);
      } catch {
        replies.push(data.toString());
      }
      if (replies.length === toSend.length) finish();
    });
    socket.on('close', (code) => {
      replies.closeCode = code;
      finish();
    });
    socket.on('error', (error) => (replies.length === 0 && replies.closeCode === undefined ? reject(error) : finish()));
  });
}

describe('browser mode survives malformed input', () => {
  it('request targets: the reported crashers and 300 random ones are 4xx', async () => {
    for (const target of ['/%', '/%c0%ae', '//', '/%00', '/%E0%A4%A', '*', 'http://evil.example/', '/..%2f..%2fpackage.json', `/${'a'.repeat(7000)}`, '/?token=%', '/api?%%%']) {
      const status = await request(target);
      expect(status, target).toMatch(/^HTTP\/1\.1 (4\d\d|200)/);
      if (target !== '/?token=%') expect(status, target).not.toMatch(/ 200 /);
    }
    const random = seeded(20261203);
    const alphabet = '%/\\.?#&=+ abcAZ09~!$\'()*,;:@[]{}|^`"<>\u00e9';
    for (let index = 0; index < 300; index += 1) {
      const length = 1 + Math.floor(random() * 40);
      let target = '/';
      for (let position = 0; position < length; position += 1) target += alphabet[Math.floor(random() * alphabet.length)];
      const status = await request(encodeURI(target).replace(/%25/g, random() < 0.5 ? '%' : '%25'));
      expect(status, target).toMatch(/^HTTP\/1\.1 [1-5]\d\d|^$/);
      expect(status, target).not.toMatch(/ 5\d\d /);
    }
    await expectAliveAndAnswering();
  }, 120_000);

  it('headers: foreign or missing Host, huge headers, bad bytes, unknown methods, broken bodies', async () => {
    expect(await request('/', `Host: evil.example:${port}\r\n`)).toMatch(/ 403 /);
    expect(await request('/', '')).toMatch(/ 400 | 403 /);
    expect(await request('/', `Host: 127.0.0.1:${port}\r\nX-Big: ${'b'.repeat(64 * 1024)}\r\n`)).toMatch(/ 431 | 400 /);
    expect(await request('/', `Host: 127.0.0.1:${port}\r\nX-Bad: a\u0000b\r\n`)).toMatch(/ 400 /);
    expect(await raw(`BREW / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`)).toMatch(/ 4\d\d /);
    expect(await raw(`DELETE / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`)).toMatch(/ 405 /);
    expect(await raw('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n')).toMatch(/ 400 |^$/);
    expect(await raw(Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x0d, 0x0a, 0x0d, 0x0a]))).toMatch(/ 400 |^$/);
    expect(await raw(`POST /api/upload HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nx-guichet-token: ${token}\r\nContent-Length: 999999999999\r\nConnection: close\r\n\r\n`)).toMatch(/ 413 /);
    expect(await raw(`POST /api/upload HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nx-guichet-token: ${token}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\nxx\r\n`)).toMatch(/ 400 |^$/);
    expect(await raw(`POST /api/upload HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nx-guichet-token: wrong\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`)).toMatch(/ 401 /);
    expect(await raw(`POST /api/launch HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: 100000\r\nConnection: close\r\n\r\n${'x'.repeat(1000)}`)).toMatch(/ 413 /);
    expect(await raw(`GET /api HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: not-base64\r\nSec-WebSocket-Version: 13\r\n\r\n`)).toMatch(/ 40\d /);
    expect(await raw(`GET /api?token=${token} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: not-base64\r\nSec-WebSocket-Version: 99\r\n\r\n`)).toMatch(/ 400 /);
    expect(await raw(`GET /%c0?token=${token} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`)).toMatch(/ 400 /);
    await expectAliveAndAnswering();
  }, 60_000);

  it('frames: binary, invalid UTF-8, over the limit, JSON bombs, wrong shapes, unknown methods', async () => {
    expect((await frames([Buffer.from('{"id":1,"method":"getDeskStatus","input":{}}')], { binary: true })).closeCode).toBe(1003);
    expect((await frames([Buffer.from([0x7b, 0xc0, 0xae, 0xff, 0x7d])])).closeCode).toBe(1007);
    expect((await frames(['x'.repeat((1 << 20) + 10)])).closeCode).toBe(1009);
    expect((await frames(['['.repeat(200_000)])).closeCode).toBe(1003);
    const deep = await frames([`{"id":1,"method":"searchPeople","input":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}`]);
    expect(deep.closeCode === 1003 || JSON.stringify(deep).includes('INVALID_ARGUMENT')).toBe(true);
    for (const bad of ['null', '1', '"x"', '[]', '{}', '{"id":"1","method":"getDeskStatus"}', '{"id":1.5,"method":"x"}', '{"id":1,"method":1}', '{"id":1,"method":"getDeskStatus","inputUpload":5}']) {
      expect((await frames([bad])).closeCode, bad).toBe(1003);
    }
    const replies = await frames([
      { id: 1, method: 'eval', input: {} },
      { id: 2, method: '__proto__', input: {} },
      { id: 3, method: 'constructor', input: {} },
      { id: 4, method: 'searchPeople', input: { __proto__: { query: 'x' } } },
      { id: 5, method: 'searchPeople', input: { query: 'a'.repeat(100_000) } },
      { id: 6, method: 'getDeskStatus', inputUpload: 'nope' },
      { id: 7, method: 'openDeskSession', input: { reader: '\u0000', pin: '1234' } },
      { id: 8, method: 'listRejectedLines', input: { runId: 1e308 } },
    ]);
    expect(replies).toHaveLength(8);
    for (const reply of replies) expect(reply).toMatchObject({ result: { ok: false } });
    expect(JSON.stringify(replies)).not.toContain('"INTERNAL"');
    await expectAliveAndAnswering();
  }, 60_000);

  it('frames: 500 random JSON calls on every method answer with typed errors, never an internal one', async () => {
    const random = seeded(42);
    const methods = ['getDeskStatus', 'searchPeople', 'getPerson', 'listCardReaders', 'insertSimulatedCard', 'openDeskSession', 'bindCard', 'changeMieStatus', 'runImport', 'importFidoMetadata', 'saveDeskSetup', 'decideReviewProposal', 'nope'];
    const values = (): unknown => {
      const pick = Math.floor(random() * 9);
      if (pick === 0) return null;
      if (pick === 1) return random() * 1e12 - 5e11;
      if (pick === 2) return 'é\u0000\ud800'.repeat(Math.floor(random() * 4));
      if (pick === 3) return [values()];
      if (pick === 4) return { query: 'x', reader: 'Lecteur simulé (carte agent)', pin: '1234' };
      if (pick === 5) return true;
      if (pick === 6) return 'a'.repeat(Math.floor(random() * 300));
      if (pick === 7) return { identityId: values(), mieId: values(), action: 'suspend' };
      return {};
    };
    const batch = Array.from({ length: 500 }, (_, index) => ({ id: index + 1, method: methods[Math.floor(random() * methods.length)], input: values() }));
    const replies = await frames(batch, { waitMs: 20_000 });
    expect(replies).toHaveLength(500);
    expect(JSON.stringify(replies)).not.toContain('"INTERNAL"');
    await expectAliveAndAnswering();
  }, 60_000);

  it('is still the same process, never restarted', () => {
    expect(child.exitCode).toBeNull();
    expect(stderr).not.toMatch(/Uncaught|unhandled/i);
  });
});
