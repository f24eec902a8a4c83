import { mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { createCardAccess } from '../agents/createCardAccess';
import { createDeskSessions, type DeskSessions } from '../agents/createDeskSessions';
import { createDispatchGuard } from '../agents/createDispatchGuard';
import { createEventFilter, type EventFilter } from '../agents/createEventFilter';
import { resolveAgentReader } from '../agents/resolveAgentReader';
import { seedDemoAgentCards } from '../agents/seedDemoAgentCards';
import { createDispatcher, type DeskDispatcher, type DeskHandlers } from '../../shared/api/dispatch';
import type { CardService } from '../cards/CardService';
import { createCardsHandlers } from '../cards/createCardsHandlers';
import { createCardService, type CardReaderMode } from '../cards/createCardService';
import type { WorkerLauncher } from '../cards/pcsc/WorkerLauncher';
import { systemClock, type Clock } from '../clock';
import { generateDemoHospital } from '../demo/generateDemoHospital';
import { seedDemoDirectory } from '../demo/seedDemoDirectory';
import { createDirectoryHandlers } from '../directory/createDirectoryHandlers';
import { createEnrollmentHandlers } from '../enrollment/createEnrollmentHandlers';
import { createFidoHandlers } from '../fido/createFidoHandlers';
import { createIndicatorsHandlers } from '../indicators/createIndicatorsHandlers';
import { createIamHolderCheck } from '../scim/createIamHolderCheck';
import { createScimHandlers } from '../scim/createScimHandlers';
import type { ScimTokenKeeper } from '../scim/ScimTokenKeeper';
import { createJournalHandlers } from '../journal/createJournalHandlers';
import { createScimOutbox, type ScimOutbox } from '../scim/createScimOutbox';
import type { FidoCeremonyRunner } from '../fido/FidoCeremonyRunner';
import { resolveFidoSettings, type FidoSettings } from '../fido/FidoSettings';
import { createNightDeskHandlers } from '../nightdesk/createNightDeskHandlers';
import { startNightDeskChecks, type NightDeskChecks } from '../nightdesk/startNightDeskChecks';
import { createReconcileHandlers } from '../reconcile/createReconcileHandlers';
import { createSourcesHandlers } from '../sources/createSourcesHandlers';
import { createDeferredJournal } from '../journal/createDeferredJournal';
import { createKeyFileProvider } from '../journal/createKeyFileProvider';
import type { JournalKeyProvider } from '../journal/JournalKeyProvider';
import { locateJournalFiles } from '../journal/locateJournalFiles';
import { startJournalAnchoring, type JournalAnchoring } from '../journal/startJournalAnchoring';
import { resolveKeyFilePath } from '../config/resolveKeyFilePath';
import { createKeyFileProvider as createStoreKeyFileProvider } from '../store/createKeyFileProvider';
import { openProtectedStore } from '../store/openProtectedStore';
import type { StoreKeyProvider } from '../store/StoreKeyProvider';
import { createWorkQueueHandlers } from '../workqueue/createWorkQueueHandlers';
import { createEventHub, type EventHub } from './createEventHub';
import { createSetupHandlers, isSetupNeeded, type SetupState } from './createSetupHandlers';
import { readDeskSettings } from './readDeskSettings';
import { readDeskStatus } from './readDeskStatus';

export interface Logger {
  info(message: string): void;
  error(message: string, error?: unknown): void;
}

export const consoleLogger: Logger = {
  info: (message) => console.error(`[guichet] ${message}`),
  error: (message, error) => console.error(`[guichet] ${message}`, error ?? ''),
};

export interface OpenDeskCoreOptions {
  dataDir: string;
  /** Database file (default `<dataDir>/guichet.sqlite`); created and migrated if missing. */
  dbPath?: string;
  appVersion: string;
  transport: 'electron' | 'browser' | 'cli';
  clock?: Clock;
  logger?: Logger;
  /**
   * Demo mode (`--demo`, what `npm start` passes): the demo hospital when the directory is empty,
   * simulated readers and their card box, the DÉMONSTRATION banner. Off by default: a production
   * desk seeds nothing and asks for its settings on first start.
   */
  demo?: boolean;
  /** Create the demo hospital when the directory is empty (default: `demo`). */
  seedDemo?: boolean;
  /**
   * Card readers (default: simulated in demo mode, `pcsc` otherwise — or `GUICHET_CARD_READERS=pcsc`
   * — and none for the command line). `simulated` is refused outside demo mode.
   */
  cardReaders?: CardReaderMode;
  /** Environment of the PC/SC worker (e.g. a private pcscd socket). */
  pcscEnv?: NodeJS.ProcessEnv;
  /** How the PC/SC worker process starts (Electron passes its utilityProcess launcher). */
  launchPcscWorker?: WorkerLauncher;
  /** Workstation name written in the journal (default: the host name). */
  deskName?: string;
  /** Desk sessions lock after this long without an act (default 5 minutes). */
  idleLockMs?: number;
  /** Temporary-card expiry and HR leaver checks run at start and then this often (default 1 minute). */
  nightDeskCheckIntervalMs?: number;
  /** The sources configuration imported from the Sources screen (default `<dataDir>/sources/sources.json`, where the demo writes its files). */
  sourcesConfigPath?: string;
  /** FIDO2 enrollment: RP ID, origins, sponsor quota… (defaults: environment, then `localhost`). */
  fido?: Partial<FidoSettings>;
  /** Electron: runs WebAuthn ceremonies on the RP's origin when the desk page cannot. */
  fidoCeremonyRunner?: FidoCeremonyRunner;
  /** The journal's HMAC key, kept outside the store (default: the key file `journal.key` beside it, 0600). */
  journalKeys?: JournalKeyProvider;
  /** The store's encryption key (Electron: sealed by the OS keychain); default the key file `GUICHET_KEY_FILE` or `guichet.key` beside the database (0600). */
  storeKeyProvider?: StoreKeyProvider;
  /** The IAM token sealed by the OS keychain (Electron shell); browser mode and the CLI read the environment only. */
  scimTokenKeeper?: ScimTokenKeeper;
}

export interface DeskCore {
  db: Database.Database;
  clock: Clock;
  events: EventHub;
  cards: CardService;
  /** Agents' desk sessions; the dispatcher's guard checks them before every call. */
  sessions: DeskSessions;
  handlers: DeskHandlers;
  dispatch: DeskDispatcher;
  /**
   * What one connection may receive of an event (undefined: nothing). Every transport calls it
   * before delivering: browser mode per WebSocket, Electron per window.
   */
  eventForConnection: EventFilter;
  /** A connection (window, socket) is gone: its desk session closes. */
  forgetConnection(connectionId: string): void;
  /** Expiry and leaver checks; an import's `afterCommit` calls `nightDeskChecks.runNow('import')`. */
  nightDeskChecks: NightDeskChecks;
  /** The journal's anchors outside the store (`<store>.anchors`): at start, every 5 minutes if it moved, at close. */
  journalAnchoring: JournalAnchoring;
  /** Acts on means on their way to the hospital's IAM (SCIM), sent in the background. */
  scimOutbox: ScimOutbox;
  close(): void;
}

/** The composition root shared by Electron main, browser mode and the CLI. */
export function openDeskCore({
  dataDir,
  dbPath = join(dataDir, 'guichet.sqlite'),
  appVersion,
  transport,
  clock = systemClock,
  logger = consoleLogger,
  demo = false,
  seedDemo = demo,
  cardReaders = process.env.GUICHET_CARD_READERS === 'pcsc' ? 'pcsc' : demo ? 'simulated' : transport === 'cli' ? 'none' : 'pcsc',
  pcscEnv,
  launchPcscWorker,
  deskName = hostname(),
  idleLockMs,
  nightDeskCheckIntervalMs,
  sourcesConfigPath,
  fido,
  fidoCeremonyRunner,
  journalKeys,
  storeKeyProvider,
  scimTokenKeeper,
}: OpenDeskCoreOptions): DeskCore {
  mkdirSync(dataDir, { recursive: true });
  if (cardReaders === 'simulated' && !demo) throw new Error('Simulated card readers exist only in demo mode (--demo).');
  const setup: SetupState = { demo, dataDir, settings: demo ? null : readDeskSettings(dataDir), defaultSourcesConfigPath: join(dataDir, 'sources', 'sources.json') };
  const sourcesConfig = sourcesConfigPath ?? process.env.GUICHET_SOURCES_CONFIG ?? setup.settings?.sourcesConfigPath ?? setup.defaultSourcesConfigPath;
  // Encrypted at rest; folder 0700, files 0600; a clear store of an older Guichet is encrypted once.
  const db = openProtectedStore({
    dataDir,
    path: dbPath,
    keyProvider: storeKeyProvider ?? createStoreKeyFileProvider({ path: resolveKeyFilePath(dirname(dbPath)) }),
    onEncrypted: (path) => logger.info(`encrypted the clear store ${path} (one-time step)`),
  });
  const journalFiles = locateJournalFiles(dbPath);
  const journalAnchoring = startJournalAnchoring({
    db,
    clock,
    keys: journalKeys ?? createKeyFileProvider(journalFiles.keyPath),
    anchorPath: journalFiles.anchorPath,
    onError: (error) => logger.error('journal anchor failed', error),
  });
  const sourceCount = (db.prepare('SELECT COUNT(*) AS n FROM sources').get() as { n: number }).n;
  if (seedDemo && sourceCount === 0) {
    seedDemoDirectory(db, generateDemoHospital({ today: clock.now().toISOString().slice(0, 10) }), clock, { sourcesDir: join(dataDir, 'sources') });
    seedDemoAgentCards(db, clock);
    logger.info(`created the demo directory "Hôpital La Porte Verte" in ${dataDir}`);
  }
  const events = createEventHub();
  const cards = createCardService({ db, events, clock, mode: cardReaders, ...(pcscEnv === undefined ? {} : { pcscEnv }), ...(launchPcscWorker === undefined ? {} : { launchPcscWorker }), log: (message) => logger.info(message), simulatedFallback: demo });
  const agentReader = () => resolveAgentReader(cards.readState(), setup.settings?.agentReader ?? null);
  const sessions = createDeskSessions({ db, clock, events, deskName, isAgentReader: (reader) => reader === agentReader(), ...(idleLockMs === undefined ? {} : { idleLockMs }) });
  // Every act on a means goes to the hospital's IAM through the outbox (when an IAM is configured).
  const scimOutbox = createScimOutbox({ db, clock, onChange: (status) => events.emit('scimStatusChanged', status), onError: (error) => logger.error('IAM outbox round failed', error) });
  scimOutbox.start();
  const stopFollowingEvents = events.subscribe((event, payload) => {
    if (event === 'cardRemoved') sessions.lockOnCardRemoved((payload as { reader: string }).reader);
    if (event === 'mieChanged') scimOutbox.kick();
    // A reconciliation run or a link decision may tie an HR end date to someone: check leavers at once.
    if (event === 'reviewQueueChanged') nightDeskChecks.runNow('import');
  });
  // One spread per feature; each feature's handlers get their dependencies here and nowhere else.
  // Reads of personal data are journaled without waiting on an import's write lock (job thread).
  const readJournal = createDeferredJournal({ db, clock, onError: (error) => logger.error('journal of a read failed', error) });
  const handlers: DeskHandlers = {
    getDeskStatus: () => readDeskStatus(db, { appVersion, transport: transport === 'electron' ? 'electron' : 'browser', mode: demo ? 'demo' : 'production', setupNeeded: isSetupNeeded(db, setup) }),
    ...createSetupHandlers({ db, cards, state: setup }),
    ...createDirectoryHandlers(db),
    ...createCardsHandlers({ cards, db, sessions, agentReader }),
    ...createEnrollmentHandlers({ db, clock, events, sessions, cards: createCardAccess(cards), checkIamHolder: createIamHolderCheck({ db }) }),
    ...createNightDeskHandlers({ db, clock, events, cards: createCardAccess(cards) }),
    ...createReconcileHandlers({ db, clock, events }),
    ...createSourcesHandlers({ db, clock, events, configPath: sourcesConfig, afterCommit: () => nightDeskChecks.runNow('import') }),
    ...createFidoHandlers({ db, clock, events, cards: createCardAccess(cards), settings: resolveFidoSettings(fido), ceremonyRunner: fidoCeremonyRunner }),
    ...createWorkQueueHandlers({ db, clock }),
    ...createIndicatorsHandlers({ db, clock, events, onError: (error) => logger.error('indicator snapshot failed', error) }),
    ...createScimHandlers({ outbox: scimOutbox, db, clock, tokenKeeper: scimTokenKeeper }),
    ...createJournalHandlers({ db, clock, anchorPath: journalFiles.anchorPath }),
  };
  const dispatch = createDispatcher(handlers, {
    guard: createDispatchGuard({ db, clock, sessions, deskName, cards: createCardAccess(cards), recordRead: readJournal.record }),
    reportUnexpected: (method, error) => logger.error(`${method} failed`, error),
  });
  const nightDeskChecks = startNightDeskChecks({
    db,
    clock,
    events,
    deskName,
    ...(nightDeskCheckIntervalMs === undefined ? {} : { intervalMs: nightDeskCheckIntervalMs }),
    onError: (error) => logger.error('night-desk checks failed', error),
  });
  return {
    db,
    clock,
    events,
    cards,
    sessions,
    handlers,
    dispatch,
    eventForConnection: createEventFilter({ sessions, agentReader }),
    forgetConnection: (connectionId) => sessions.forget(connectionId),
    nightDeskChecks,
    journalAnchoring,
    scimOutbox,
    close: () => {
      // The card service closes asynchronously: its last events must not reach a closed store.
      stopFollowingEvents();
      scimOutbox.stop();
      readJournal.close();
      nightDeskChecks.stop();
      journalAnchoring.stop();
      void cards.close();
      db.close();
    },
  };
}
