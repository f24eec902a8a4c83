import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCardService, simulatedReaderNames } from '../../src/core/cards/createCardService';
import { connectCardToVpcd } from '../../src/core/cards/emulator/connectCardToVpcd';
import { createVirtualCard } from '../../src/core/cards/emulator/createVirtualCard';
import type { VirtualCardKind } from '../../src/core/cards/emulator/virtualCardKinds';
import { startPcscBridge } from '../../src/core/cards/pcsc/startPcscBridge';
import type { PcscWorkerEvent } from '../../src/core/cards/pcsc/pcscWorkerProtocol';
import { systemClock } from '../../src/core/clock';
import { generateDemoHospital } from '../../src/core/demo/generateDemoHospital';
import { seedDemoDirectory } from '../../src/core/demo/seedDemoDirectory';
import { createEventHub } from '../../src/core/desk/createEventHub';
import { openDatabase } from '../../src/core/store/openDatabase';
import { startPcscStack } from '../support/pcscStack';

export const name = 'cards';
export const description = 'card event → decoded identity latency: real pcscd + vpcd + emulator (with and without the TCP_NODELAY shim), and simulated readers';

const kinds: VirtualCardKind[] = ['cps3', 'cps4', 'desfire-ev2', 'mifare-classic-1k'];
const rounds = 8;

function summarize(label: string, samples: number[]): void {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  console.log(`${label.padEnd(56)} n=${String(sorted.length).padStart(3)}  median ${at(0.5).toFixed(1).padStart(6)} ms  p95 ${at(0.95).toFixed(1).padStart(6)} ms  max ${sorted.at(-1)!.toFixed(1).padStart(6)} ms`);
}

async function measurePcsc(nodelay: boolean): Promise<void> {
  const stack = await startPcscStack({ readerEntries: ['Guichet Bench'], nodelay });
  const listeners = new Set<(event: PcscWorkerEvent, at: number) => void>();
  let attached = 0;
  let markReady: () => void = () => {};
  const readersReady = new Promise<void>((resolve) => (markReady = resolve));
  const bridge = startPcscBridge({
    env: stack.env,
    onEvent: (event) => {
      if (event.type === 'reader' && event.state === 'attached' && ++attached === 2) markReady();
      listeners.forEach((listener) => listener(event, performance.now()));
    },
  });
  const waitFor = (type: PcscWorkerEvent['type']) =>
    new Promise<{ event: PcscWorkerEvent; at: number }>((resolve) => {
      const listener = (event: PcscWorkerEvent, at: number) => {
        if (event.type !== type) return;
        listeners.delete(listener);
        resolve({ event, at });
      };
      listeners.add(listener);
    });
  try {
    await readersReady;
    for (const kind of kinds) {
      const card = await createVirtualCard({ kind });
      const insertToIdentity: number[] = [];
      const decode: number[] = [];
      for (let round = 0; round < rounds; round += 1) {
        // Insert at a random point of pcscd's ~400 ms presence poll, as a hand would.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 400));
        const reading = waitFor('reading');
        const decoded = waitFor('card');
        const started = performance.now();
        const connection = connectCardToVpcd({ card, port: stack.readers[0]!.port });
        const [{ at: readingAt }, { at: decodedAt }] = await Promise.all([reading, decoded]);
        insertToIdentity.push(decodedAt - started);
        decode.push(decodedAt - readingAt);
        const removed = waitFor('removed');
        await connection.remove();
        await removed;
      }
      summarize(`${nodelay ? 'shim' : 'no shim'} ${kind}: card event → identity`, decode);
      summarize(`${nodelay ? 'shim' : 'no shim'} ${kind}: emulator connect → identity`, insertToIdentity);
    }
  } finally {
    bridge.close();
    await stack.dispose();
  }
}

async function measureSimulated(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'guichet-bench-cards-'));
  const db = openDatabase({ path: join(dir, 'guichet.sqlite') });
  try {
    seedDemoDirectory(db, generateDemoHospital({ today: new Date().toISOString().slice(0, 10) }), systemClock);
    const service = createCardService({ db, events: createEventHub(), clock: systemClock });
    const cps = service.listSimulatedCards('').filter((card) => card.interface === 'contact').slice(0, 12);
    const first: number[] = [];
    const again: number[] = [];
    for (const card of cps) {
      for (const samples of [first, again]) {
        const started = performance.now();
        await service.insertSimulatedCard(simulatedReaderNames.contact, card.id);
        samples.push(performance.now() - started);
        service.removeSimulatedCard(simulatedReaderNames.contact);
      }
    }
    summarize('simulated CPS, first insert (certificates made)', first);
    summarize('simulated CPS, insert again', again);
    await service.close();
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<void> {
  await measurePcsc(true);
  await measurePcsc(false);
  await measureSimulated();
  console.log('target: card event → decoded identity ≤ 300 ms with the emulator and the shim');
}
