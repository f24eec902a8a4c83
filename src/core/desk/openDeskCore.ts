import { mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { createCardAccess } from '../agents/createCardAccess';
import { createDeskSessions, type DeskSessions } from '../agents/createDeskSessions';
import { createDispatchGuard } from '../agents/createDispatchGuard';
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
import type { FidoCeremonyRunner } from '../fido/FidoCeremonyRunner';
import { resolveFidoSettings, type FidoSettings } from '../fido/FidoSettings';
import { createNightDeskHandlers } from '../nightdesk/createNightDeskHandlers';
import { startNightDeskChecks, type NightDeskChecks } from '../nightdesk/startNightDeskChecks';
import { createReconcileHandlers } from '../reconcile/createReconcileHandlers';
import { createSourcesHandlers } from '../sources/createSourcesHandlers';
import { openDatabase } from '../store/openDatabase';
import { createEventHub, type EventHub } from './createEventHub';
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
  /** Create the demo hospital when the directory is empty (the embedded default). */
  seedDemo?: boolean;
  /** Card readers: `simulated` (the default when no real reader is configured) or `pcsc`. */
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
}

export interface DeskCore {
  db: Database.Database;
  clock: Clock;
  events: EventHub;
  cards: CardService;
  /** Agents' desk sessions: `sessions.requireAct(context.connectionId, act)` gives the acting agent. */
  sessions: DeskSessions;
  handlers: DeskHandlers;
  dispatch: DeskDispatcher;
  /** Expiry and leaver checks; an import's `afterCommit` calls `nightDeskChecks.runNow('import')`. */
  nightDeskChecks: NightDeskChecks;
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
  seedDemo = true,
  cardReaders = process.env.GUICHET_CARD_READERS === 'pcsc' ? 'pcsc' : 'simulated',
  pcscEnv,
  launchPcscWorker,
  deskName = hostname(),
  idleLockMs,
  nightDeskCheckIntervalMs,
  sourcesConfigPath = process.env.GUICHET_SOURCES_CONFIG ?? join(dataDir, 'sources', 'sources.json'),
  fido,
  fidoCeremonyRunner,
}: OpenDeskCoreOptions): DeskCore {
  mkdirSync(dataDir, { recursive: true });
  const db = openDatabase({ path: dbPath });
  const sourceCount = (db.prepare('SELECT COUNT(*) AS n FROM sources').get() as { n: number }).n;
  if (seedDemo && sourceCount === 0) {
    seedDemoDirectory(db, generateDemoHospital({ today: clock.now().toISOString().slice(0, 10) }), clock, { sourcesDir: join(dataDir, 'sources') });
    seedDemoAgentCards(db, clock);
    logger.info(`created the demo directory "Hôpital La Porte Verte" in ${dataDir}`);
  }
  const events = createEventHub();
  const cards = createCardService({ db, events, clock, mode: cardReaders, ...(pcscEnv === undefined ? {} : { pcscEnv }), ...(launchPcscWorker === undefined ? {} : { launchPcscWorker }), log: (message) => logger.info(message) });
  const sessions = createDeskSessions({ db, clock, events, deskName, ...(idleLockMs === undefined ? {} : { idleLockMs }) });
  events.subscribe((event, payload) => {
    if (event === 'cardRemoved') sessions.lockOnCardRemoved((payload as { reader: string }).reader);
  });
  // One spread per feature; each feature's handlers get their dependencies here and nowhere else.
  const handlers: DeskHandlers = {
    getDeskStatus: () => readDeskStatus(db, { appVersion, transport: transport === 'electron' ? 'electron' : 'browser' }),
    ...createDirectoryHandlers(db),
    ...createCardsHandlers(cards),
    ...createEnrollmentHandlers({ db, clock, events, sessions, cards: createCardAccess(cards) }),
    ...createNightDeskHandlers({ db, clock, events, cards: createCardAccess(cards) }),
    ...createReconcileHandlers({ db, clock, events }),
    ...createSourcesHandlers({ db, clock, events, configPath: sourcesConfigPath, afterCommit: () => nightDeskChecks.runNow('import') }),
    ...createFidoHandlers({ db, clock, events, cards: createCardAccess(cards), settings: resolveFidoSettings(fido), ceremonyRunner: fidoCeremonyRunner }),
    ...createIndicatorsHandlers({ db, clock, onError: (error) => logger.error('indicator snapshot failed', error) }),
  };
  const dispatch = createDispatcher(handlers, {
    guard: createDispatchGuard({ db, clock, sessions, deskName }),
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
    nightDeskChecks,
    close: () => {
      nightDeskChecks.stop();
      void cards.close();
      db.close();
    },
  };
}
