import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command } from '../../src/cli/commands/cards';
import { startPcscStack, type PcscStack } from '../support/pcscStack';
import { projectRoot } from '../support/startTestDesk';

let stack: PcscStack;
const children = new Set<ChildProcess>();

beforeAll(async () => {
  stack = await startPcscStack({ readerEntries: ['Guichet CLI'] });
});

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await stack?.dispose();
});

/** Runs the CLI like `npm run --silent guichet -- …` does, against the private pcscd. */
function runCli(args: string[]) {
  const child = spawn(join(projectRoot, 'node_modules', '.bin', 'tsx'), [join(projectRoot, 'src', 'cli', 'main.ts'), ...args], {
    env: stack.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const lines: string[] = [];
  const lineListeners = new Set<(line: string) => void>();
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line);
    for (const listener of lineListeners) listener(line);
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => (children.delete(child), resolve(code))));
  const waitForLines = (count: number) =>
    new Promise<void>((resolve) => {
      if (lines.length >= count) return resolve();
      const listener = () => {
        if (lines.length < count) return;
        lineListeners.delete(listener);
        resolve();
      };
      lineListeners.add(listener);
    });
  return { child, lines, exited, waitForLines, stderr: () => stderr };
}

const readerKeys = ['event', 'name', 'state'];
const cardKeys = ['event', 'reader', 'type', 'atr', 'uid', 'cps', 'desfire'];

describe('guichet cards watch --json (the JSON-lines contract)', () => {
  it('prints readers, a CPS inserted by `cards emulate`, its removal, then exits after --count events', async () => {
    const watch = runCli(['cards', 'watch', '--json', '--count', '4', '--timeout', '40']);
    await watch.waitForLines(2);
    const emulator = runCli(['cards', 'emulate', '--card', 'cps3', '--port', String(stack.readers[0]!.port), '--id-nat', '810002813839', '--last-name', 'PHARMACH', '--first-name', 'CAROLE', '--profession', 'Pharmacien']);
    await watch.waitForLines(3);
    emulator.child.kill('SIGINT');
    expect(await emulator.exited).toBe(0);
    expect(await watch.exited).toBe(0);
    const events = watch.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(events).toHaveLength(4);
    expect(events.slice(0, 2)).toEqual([
      { event: 'reader', name: 'Guichet CLI 00 00', state: 'attached' },
      { event: 'reader', name: 'Guichet CLI 00 01', state: 'attached' },
    ]);
    expect(Object.keys(events[0]!)).toEqual(readerKeys);
    expect(Object.keys(events[2]!)).toEqual(cardKeys);
    expect(events[2]).toEqual({
      event: 'card',
      reader: 'Guichet CLI 00 00',
      type: 'CPS3',
      atr: '3BAC00402A001225006480000310009000',
      uid: null,
      cps: {
        idNat: '810002813839',
        rpps: '10002813839',
        lastName: 'PHARMACH',
        firstName: 'CAROLE',
        profession: 'Pharmacien',
        serial: '0000012345',
        notBefore: '2025-01-15T00:00:00.000Z',
        notAfter: '2028-01-15T00:00:00.000Z',
        pinTriesLeft: 3,
      },
      desfire: null,
    });
    expect(events[3]).toEqual({ event: 'removed', reader: 'Guichet CLI 00 00' });
  });

  it('limits to readers matching --readers, and stops after --timeout seconds', async () => {
    const ignored = runCli(['cards', 'emulate', '--card', 'mifare-classic-1k', '--port', String(stack.readers[0]!.port), '--seconds', '60']);
    const badge = runCli(['cards', 'emulate', '--card', 'desfire-ev3', '--random-uid', '--port', String(stack.readers[1]!.port), '--seconds', '60']);
    // Both cards are in their readers before watching starts: watch reports cards already present.
    await expect.poll(() => ignored.stderr() + badge.stderr(), { timeout: 30_000 }).toMatch(/insérée[\s\S]*insérée/);
    const started = Date.now();
    const watch = runCli(['cards', 'watch', '--json', '--readers', '00 01', '--timeout', '8']);
    expect(await watch.exited).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(8000);
    ignored.child.kill('SIGINT');
    badge.child.kill('SIGINT');
    const events = watch.lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(events).toEqual([
      { event: 'reader', name: 'Guichet CLI 00 01', state: 'attached' },
      { event: 'card', reader: 'Guichet CLI 00 01', type: 'DESFIRE', atr: '3B8180018080', uid: null, cps: null, desfire: { generation: 'EV3', storageBytes: 4096, randomUid: true } },
    ]);
  });

  it('refuses bad options with a message saying what was expected', async () => {
    const io = { out: () => {}, err: () => {} };
    await expect(command.run(['watch', '--json', '--count', 'many'], io)).rejects.toThrow('--count expects a positive number, got "many"');
    await expect(command.run(['emulate', '--card', 'cps9'], io)).rejects.toThrow(/^--card expects one of cps3, cps4, /);
    await expect(command.run(['listen'], io)).rejects.toThrow('Expected "cards watch" or "cards emulate", got "listen"');
  });
});
