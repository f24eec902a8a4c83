import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPcscdReachable, resolvePcscdSocket } from './isPcscdReachable';

describe('isPcscdReachable', () => {
  it('is true only while something accepts connections on the socket, not for a stale file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guichet-pcscd-socket-'));
    const socketPath = join(dir, 'pcscd.comm');
    try {
      expect(await isPcscdReachable(socketPath)).toBe(false);
      const server = createServer((connection) => connection.end());
      await new Promise<void>((resolve) => server.listen(socketPath, resolve));
      expect(await isPcscdReachable(socketPath)).toBe(true);
      await new Promise((resolve) => server.close(resolve));
      writeFileSync(join(dir, 'stale.comm'), '');
      expect(await isPcscdReachable(join(dir, 'stale.comm'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('follows PCSCLITE_CSOCK_NAME like libpcsclite', () => {
    expect(resolvePcscdSocket({ PCSCLITE_CSOCK_NAME: '/tmp/x.comm' })).toBe('/tmp/x.comm');
    expect(resolvePcscdSocket({})).toBe('/run/pcscd/pcscd.comm');
  });
});
