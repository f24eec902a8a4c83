/**
 * The PC/SC worker: a child process owning the native binding, so a hung or crashed native call
 * never freezes the desk (the parent pings it and restarts it). Entry point, not a module.
 */
// First: tsyringe (under @peculiar/x509, which reads CPS certificates) needs the Reflect polyfill.
import 'reflect-metadata';
import type { CardReadError } from '../../../shared/cards/cardTypes';
import { toHex } from '../../../shared/cards/hex';
import { CardRemovedError, type CardTransmit } from '../CardTransmit';
import { readCard } from '../readCard';
import { verifyCpsPin } from '../verifyCpsPin';
import { isPcscdReachable, resolvePcscdSocket } from './isPcscdReachable';
import { loadPcscBinding } from './loadPcscBinding';
import type { CreatePcscBinding, PcscBinding, PcscReader } from './pcscBinding';
import type { PcscWorkerCommand, PcscWorkerMessage } from './pcscWorkerProtocol';

type Pcsc = PcscBinding;
type Reader = PcscReader;

interface ReaderSlot {
  reader: Reader;
  /** Bumped at each insert/remove, so a read finishing after its card left is dropped. */
  generation: number;
  protocol: number | null;
  cps: 'CPS3' | 'CPS4' | null;
  present: boolean;
}

const socketPath = resolvePcscdSocket();
const pollMs = Number(process.env.GUICHET_PCSC_POLL_MS ?? 500);
const slots = new Map<string, ReaderSlot>();
let pcsc: Pcsc | null = null;

/** Electron's utilityProcess talks through `process.parentPort`; a forked Node child through IPC. */
interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}
const parentPort = (process as NodeJS.Process & { parentPort?: ParentPort }).parentPort;

function send(message: PcscWorkerMessage): void {
  if (parentPort !== undefined) parentPort.postMessage(message);
  else process.send?.(message);
}

/** PC/SC codes meaning the card is gone: removed, reset, absent, reader unavailable. */
const removalCodes = /0x80100069|0x80100068|0x8010000C|0x80100017|0x80100009|not connected/i;

function transmitFor(slot: ReaderSlot): CardTransmit {
  return (apdu) =>
    new Promise((resolve, reject) => {
      if (slot.protocol === null) return reject(new CardRemovedError('the reader is not connected to a card'));
      slot.reader.transmit(Buffer.from(apdu), 4096, slot.protocol, (error, response) => {
        if (error) {
          const message = error instanceof Error ? error.message : String(error);
          reject(removalCodes.test(message) ? new CardRemovedError(message) : new Error(message));
        } else if (response.length < 2) {
          // vpcd (and some readers) answer nothing once the card has left.
          reject(new CardRemovedError('the card stopped answering (empty response)'));
        } else resolve(new Uint8Array(response));
      });
    });
}

function connectCard(slot: ReaderSlot): Promise<number> {
  const { reader } = slot;
  return new Promise((resolve, reject) =>
    reader.connect({ share_mode: reader.SCARD_SHARE_SHARED, protocol: reader.SCARD_PROTOCOL_T0 | reader.SCARD_PROTOCOL_T1 }, (error, protocol) =>
      error ? reject(new CardRemovedError(String(error instanceof Error ? error.message : error))) : resolve(protocol),
    ),
  );
}

async function onCardPresent(slot: ReaderSlot, atr: Buffer): Promise<void> {
  const generation = ++slot.generation;
  slot.present = true;
  slot.cps = null;
  send({ type: 'reading', reader: slot.reader.name, atr: toHex(atr) });
  let result: Awaited<ReturnType<typeof readCard>>;
  try {
    slot.protocol = await connectCard(slot);
    result = await readCard({ reader: slot.reader.name, atr: new Uint8Array(atr), transmit: transmitFor(slot) });
  } catch (error) {
    result = { ok: false, code: 'CARD_REMOVED', message: `Card removed before it could be read: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (generation !== slot.generation) {
    // The card left (or another came) during the read: say so, never report the stale card.
    if (!result.ok || !slot.present) send({ type: 'cardError', error: { reader: slot.reader.name, code: 'CARD_REMOVED', message: 'Card removed during reading' } });
    return;
  }
  if (result.ok) {
    slot.cps = result.card.type === 'CPS3' || result.card.type === 'CPS4' ? result.card.type : null;
    send({ type: 'card', card: result.card });
  } else {
    const error: CardReadError = { reader: slot.reader.name, code: result.code, message: result.message };
    send({ type: 'cardError', error });
  }
}

function onCardRemoved(slot: ReaderSlot): void {
  slot.generation += 1;
  const wasPresent = slot.present;
  slot.present = false;
  slot.cps = null;
  slot.protocol = null;
  if (slot.reader.connected) slot.reader.disconnect(slot.reader.SCARD_LEAVE_CARD, () => {});
  if (wasPresent) send({ type: 'removed', reader: slot.reader.name });
}

function watchReader(reader: Reader): void {
  const slot: ReaderSlot = { reader, generation: 0, protocol: null, cps: null, present: false };
  slots.set(reader.name, slot);
  send({ type: 'reader', name: reader.name, state: 'attached' });
  reader.on('status', function (this: Reader, status) {
    const changes = this.state ^ status.state;
    if ((changes & this.SCARD_STATE_EMPTY) !== 0 && (status.state & this.SCARD_STATE_EMPTY) !== 0) onCardRemoved(slot);
    else if ((changes & this.SCARD_STATE_PRESENT) !== 0 && (status.state & this.SCARD_STATE_PRESENT) !== 0 && status.atr !== undefined) {
      void onCardPresent(slot, status.atr);
    }
  });
  reader.on('error', (error) => {
    const message = String(error instanceof Error ? error.message : error);
    // pcscd going away is a service status (reported by the binding), not a card problem.
    if (slot.present && !/0x80100013|0x8010001D/i.test(message)) send({ type: 'cardError', error: { reader: reader.name, code: 'READER_UNAVAILABLE', message } });
  });
  reader.on('end', () => {
    if (slot.present) onCardRemoved(slot);
    slots.delete(reader.name);
    send({ type: 'reader', name: reader.name, state: 'detached' });
  });
}

async function waitForPcscd(): Promise<void> {
  if (await isPcscdReachable(socketPath)) return;
  send({ type: 'status', status: 'unavailable', detail: `pcscd not reachable on ${socketPath}` });
  while (!(await isPcscdReachable(socketPath))) await new Promise((resolve) => setTimeout(resolve, pollMs));
}

async function startBinding(pcsclite: CreatePcscBinding): Promise<void> {
  await waitForPcscd();
  const binding = pcsclite();
  pcsc = binding;
  send({ type: 'status', status: 'ready', detail: null });
  binding.on('reader', (reader) => watchReader(reader));
  binding.on('error', (error) => {
    // pcscd died or restarted (RPC transport error): readers end; start over once it is back.
    if (pcsc !== binding) return;
    pcsc = null;
    for (const slot of [...slots.values()]) {
      if (slot.present) onCardRemoved(slot);
      send({ type: 'reader', name: slot.reader.name, state: 'detached' });
    }
    slots.clear();
    try {
      binding.close();
    } catch {
      // Closing a binding whose daemon is gone may fail; it is dropped either way.
    }
    send({ type: 'status', status: 'unavailable', detail: String(error instanceof Error ? error.message : error) });
    setTimeout(() => void startBinding(pcsclite), pollMs);
  });
}

async function onCommand(command: PcscWorkerCommand): Promise<void> {
  if (command.type === 'ping') return send({ type: 'pong', id: command.id });
  const slot = slots.get(command.reader);
  if (slot === undefined || slot.cps === null) {
    return send({ type: 'pinError', id: command.id, code: 'NO_CPS', message: `No CPS in reader "${command.reader}"` });
  }
  try {
    send({ type: 'pinResult', id: command.id, result: await verifyCpsPin(transmitFor(slot), { generation: slot.cps, pin: command.pin }) });
  } catch (error) {
    send({ type: 'pinError', id: command.id, code: 'CARD_ERROR', message: error instanceof Error ? error.message : String(error) });
  }
}

if (parentPort !== undefined) {
  // The utility process ends with the app (Electron kills it); nothing to watch here.
  parentPort.on('message', (event) => void onCommand(event.data as PcscWorkerCommand));
} else {
  process.on('message', (command: PcscWorkerCommand) => void onCommand(command));
  process.on('disconnect', () => process.exit(0));
}
// The binding is an optional dependency: without it the worker says so once and stays idle (no
// retry can build it), and the desk falls back to its simulated readers.
void loadPcscBinding().then((load) => (load.ok ? startBinding(load.create) : send({ type: 'bindingMissing', detail: load.detail })));
