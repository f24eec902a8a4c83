import type Database from 'better-sqlite3';
import type { CardReadersState, PinVerification, ReaderView, SimulatedCardView } from '../../shared/api/cards.contract';
import { DeskError } from '../../shared/api/errors';
import { normalizeForSearch } from '../../shared/text/normalizeForSearch';
import type { Clock } from '../clock';
import type { EventHub } from '../desk/createEventHub';
import type { CardService } from './CardService';
import { buildSimulatedCatalog } from './buildSimulatedCatalog';
import type { CpsVirtualCard } from './emulator/createCpsCard';
import type { VirtualCard } from './emulator/VirtualCard';
import { PinRequestError, startPcscBridge, type PcscBridge } from './pcsc/startPcscBridge';
import type { WorkerLauncher } from './pcsc/WorkerLauncher';
import type { PcscWorkerEvent } from './pcsc/pcscWorkerProtocol';
import { readCard } from './readCard';
import { verifyCpsPin } from './verifyCpsPin';

/** `none`: no reader at all (the command line, a desk not set up yet). */
export type CardReaderMode = 'simulated' | 'pcsc' | 'none';

export interface CreateCardServiceOptions {
  db: Database.Database;
  events: EventHub;
  clock: Clock;
  /** `simulated`: the embedded default (no real reader configured). `pcsc`: real readers. */
  mode?: CardReaderMode;
  /** Environment of the PC/SC worker (a private pcscd socket in tests). */
  pcscEnv?: NodeJS.ProcessEnv;
  launchPcscWorker?: WorkerLauncher;
  log?: (message: string) => void;
  /**
   * Offer the simulated readers when the PC/SC binding cannot load: only in demo/training mode,
   * since simulated cards of real agents (PIN 1234) must never appear on a production desk.
   */
  simulatedFallback?: boolean;
}

/**
 * A real desk has two contact readers (the agent's own CPS stays in one while the customer's card
 * goes into the other) and one contactless reader; the simulated desk has the same.
 */
export const simulatedReaderNames = {
  agent: 'Lecteur simulé (carte agent)',
  contact: 'Lecteur simulé (contact)',
  contactless: 'Lecteur simulé (sans contact)',
} as const;

interface ReaderEntry {
  view: ReaderView;
  /** Bumped at each insert/remove, so a read finishing after its card left is dropped. */
  generation: number;
  virtualCard: VirtualCard | null;
  interface: 'contact' | 'contactless' | null;
}

const unavailableDetail = 'service carte à puce indisponible';

/**
 * The desk's readers. Simulated readers run the emulated cards in-process through the same
 * `readCard` code as real ones (no pcscd needed, so browser mode works anywhere); real readers
 * come from the PC/SC worker. Every change goes out as a desk event.
 */
export function createCardService({ db, events, clock, mode = 'simulated', pcscEnv, launchPcscWorker, log = () => {}, simulatedFallback = false }: CreateCardServiceOptions): CardService {
  const readers = new Map<string, ReaderEntry>();
  const createdCards = new Map<string, Promise<VirtualCard>>();
  let service: CardReadersState['service'] = mode === 'pcsc' ? { status: 'starting', detail: null } : { status: 'disabled', detail: null };

  const publish = (entry: ReaderEntry, state: 'attached' | 'detached' | 'updated') => events.emit('readerChanged', { reader: { ...entry.view }, state });

  const attach = (name: string, kind: ReaderView['kind'], readerInterface: ReaderEntry['interface']) => {
    const entry: ReaderEntry = {
      view: { name, kind, accepts: readerInterface ?? 'any', state: 'empty', card: null, error: null, simulatedCardId: null },
      generation: 0,
      virtualCard: null,
      interface: readerInterface,
    };
    readers.set(name, entry);
    publish(entry, 'attached');
    return entry;
  };

  const requireSimulatedReader = (name: string): ReaderEntry => {
    const entry = readers.get(name);
    if (entry === undefined || entry.view.kind !== 'simulated') {
      throw new DeskError('NOT_FOUND', { fr: `Lecteur simulé « ${name} » introuvable.`, en: `No simulated reader named "${name}".` }, { reader: name });
    }
    return entry;
  };

  const clearCard = (entry: ReaderEntry) => {
    const hadCard = entry.view.state !== 'empty';
    entry.generation += 1;
    entry.virtualCard = null;
    entry.view = { ...entry.view, state: 'empty', card: null, error: null, simulatedCardId: null };
    if (hadCard) events.emit('cardRemoved', { reader: entry.view.name });
    publish(entry, 'updated');
  };

  /** Simulated readers: the embedded default, and the fallback of a machine without the PC/SC binding. */
  let simulatedReaders = mode === 'simulated';
  const attachSimulatedReaders = () => {
    simulatedReaders = true;
    attach(simulatedReaderNames.agent, 'simulated', 'contact');
    attach(simulatedReaderNames.contact, 'simulated', 'contact');
    attach(simulatedReaderNames.contactless, 'simulated', 'contactless');
  };

  const onPcscEvent = (event: PcscWorkerEvent) => {
    if (event.type === 'bindingMissing') {
      // No retry can build the native module: say why, stop the worker, offer the demo's readers.
      service = { status: 'unavailable', detail: event.detail };
      events.emit('cardServiceChanged', { ...service });
      log(event.detail);
      bridge?.close();
      bridge = null;
      if (!simulatedReaders && simulatedFallback) attachSimulatedReaders();
      return;
    }
    if (event.type === 'status') {
      service = event.status === 'ready' ? { status: 'ready', detail: null } : { status: 'unavailable', detail: `${unavailableDetail}: ${event.detail ?? ''}`.trim() };
      events.emit('cardServiceChanged', { ...service });
      return;
    }
    if (event.type === 'reader') {
      if (event.state === 'attached') attach(event.name, 'pcsc', null);
      else {
        const entry = readers.get(event.name);
        if (entry === undefined) return;
        if (entry.view.state !== 'empty') clearCard(entry);
        readers.delete(event.name);
        publish(entry, 'detached');
      }
      return;
    }
    const entry = readers.get(event.type === 'card' ? event.card.reader : event.type === 'cardError' ? event.error.reader : event.reader);
    if (entry === undefined) return;
    if (event.type === 'reading') {
      entry.view = { ...entry.view, state: 'reading', card: null, error: null };
      publish(entry, 'updated');
    } else if (event.type === 'card') {
      entry.view = { ...entry.view, state: 'present', card: event.card, error: null };
      events.emit('cardInserted', event.card);
      publish(entry, 'updated');
    } else if (event.type === 'cardError') {
      entry.view = { ...entry.view, state: entry.view.state === 'empty' ? 'empty' : 'error', card: null, error: event.error };
      events.emit('cardReadFailed', event.error);
      publish(entry, 'updated');
    } else {
      clearCard(entry);
    }
  };

  let bridge: PcscBridge | null = null;
  if (mode === 'pcsc') bridge = startPcscBridge({
      onEvent: onPcscEvent,
      ...(pcscEnv === undefined ? {} : { env: pcscEnv }),
      ...(launchPcscWorker === undefined ? {} : { launchWorker: launchPcscWorker }),
      log,
    });
  else if (mode === 'simulated') attachSimulatedReaders();

  const catalog = () => (simulatedReaders ? buildSimulatedCatalog(db, clock) : []);

  return {
    readState: () => ({ service: { ...service }, readers: [...readers.values()].map((entry) => ({ ...entry.view })) }),

    listSimulatedCards(query, only = () => true) {
      const wanted = normalizeForSearch(query);
      // The agents' own cards first: the card box opens on who can log in, and as which role.
      return catalog()
        .filter((card) => only(card) && (wanted === '' || normalizeForSearch(`${card.label} ${card.id}`).includes(wanted)))
        .sort((a, b) => Number(b.agentRole !== null) - Number(a.agentRole !== null))
        .slice(0, 50)
        .map(({ id, label, model, note, type, interface: cardInterface, identityId, holderName, agentRole }): SimulatedCardView => ({ id, label, model, note, type, interface: cardInterface, identityId, holderName, agentRole }));
    },

    async insertSimulatedCard(readerName, cardId) {
      const entry = requireSimulatedReader(readerName);
      const description = catalog().find((card) => card.id === cardId);
      if (description === undefined) throw new DeskError('NOT_FOUND', { fr: `Carte simulée « ${cardId} » introuvable.`, en: `No simulated card "${cardId}".` }, { cardId });
      if (description.interface !== entry.interface) {
        throw new DeskError(
          'PRECONDITION_FAILED',
          description.interface === 'contact'
            ? { fr: 'Une CPS s’insère dans le lecteur à contact.', en: 'A CPS goes into the contact reader.' }
            : { fr: 'Un badge sans contact se pose sur le lecteur sans contact.', en: 'A contactless badge goes on the contactless reader.' },
          { reader: readerName, cardId },
        );
      }
      if (entry.view.state !== 'empty') clearCard(entry);
      const generation = ++entry.generation;
      entry.view = { ...entry.view, state: 'reading', card: null, error: null, simulatedCardId: cardId };
      publish(entry, 'updated');
      // One card object per id while the desk runs: its PIN counter persists like a real card's.
      let pending = createdCards.get(cardId);
      if (pending === undefined) {
        pending = description.create();
        createdCards.set(cardId, pending);
        pending.catch(() => createdCards.delete(cardId));
      }
      const card = await pending;
      if (generation !== entry.generation) return { ...entry.view };
      card.reset();
      entry.virtualCard = card;
      const result = await readCard({ reader: readerName, atr: card.atr, transmit: async (apdu) => card.transmit(apdu) });
      if (generation !== entry.generation) return { ...entry.view };
      if (result.ok) {
        entry.view = { ...entry.view, state: 'present', card: result.card, error: null };
        events.emit('cardInserted', result.card);
      } else {
        const error = { reader: readerName, code: result.code, message: result.message };
        entry.view = { ...entry.view, state: 'error', card: null, error };
        events.emit('cardReadFailed', error);
      }
      publish(entry, 'updated');
      return { ...entry.view };
    },

    removeSimulatedCard(readerName) {
      const entry = requireSimulatedReader(readerName);
      clearCard(entry);
      return { ...entry.view };
    },

    async verifyPin(readerName, pin): Promise<PinVerification> {
      if (!/^\d{4,8}$/.test(pin)) {
        throw new DeskError('INVALID_ARGUMENT', { fr: 'Le code de la CPS comporte 4 à 8 chiffres.', en: 'A CPS PIN has 4 to 8 digits.' }, { reader: readerName });
      }
      const entry = readers.get(readerName);
      const cps = entry?.view.card?.type === 'CPS3' || entry?.view.card?.type === 'CPS4' ? entry.view.card.type : null;
      if (entry === undefined || cps === null) {
        throw new DeskError('NOT_FOUND', { fr: `Aucune CPS dans le lecteur « ${readerName} ».`, en: `No CPS in reader "${readerName}".` }, { reader: readerName });
      }
      if (entry.virtualCard !== null) {
        const card = entry.virtualCard as CpsVirtualCard;
        return verifyCpsPin(async (apdu) => card.transmit(apdu), { generation: cps, pin });
      }
      if (bridge === null) throw new DeskError('UNAVAILABLE', { fr: unavailableDetail, en: 'smart-card service unavailable' });
      try {
        return await bridge.verifyPin(readerName, pin);
      } catch (error) {
        if (error instanceof PinRequestError && error.code === 'NO_CPS') {
          throw new DeskError('NOT_FOUND', { fr: `Aucune CPS dans le lecteur « ${readerName} ».`, en: `No CPS in reader "${readerName}".` }, { reader: readerName });
        }
        throw new DeskError('UNAVAILABLE', { fr: `Vérification du code impossible : ${(error as Error).message}`, en: `PIN check failed: ${(error as Error).message}` }, { reader: readerName });
      }
    },

    async close() {
      bridge?.close();
      bridge = null;
    },
  };
}
