import type Database from 'better-sqlite3';
import type { DeskHandlers } from '../../shared/api/dispatch';
import { DeskError } from '../../shared/api/errors';
import type { DeskSettings } from '../../shared/api/status.contract';
import type { CardService } from '../cards/CardService';
import { saveDeskSettings } from './saveDeskSettings';

type SetupHandlers = Pick<DeskHandlers, 'getDeskSetup' | 'saveDeskSetup'>;

export interface SetupState {
  demo: boolean;
  dataDir: string;
  /** The settings in force (null until the desk is set up); saving replaces them. */
  settings: DeskSettings | null;
  /** The sources file used when no settings say otherwise. */
  defaultSourcesConfigPath: string;
}

/** True on a production desk's first start: no settings yet and nothing imported. */
export function isSetupNeeded(db: Database.Database, state: SetupState): boolean {
  if (state.demo || state.settings !== null) return false;
  return (db.prepare('SELECT COUNT(*) AS n FROM sources').get() as { n: number }).n === 0;
}

/**
 * The first-start setup of a production desk (sources file, readers). Saving is allowed only while
 * the desk is unconfigured: nobody can log in yet then, and afterwards the settings file is the
 * administrator's (it never seeds anything).
 */
export function createSetupHandlers({ db, cards, state }: { db: Database.Database; cards: CardService; state: SetupState }): SetupHandlers {
  return {
    getDeskSetup: () => ({
      setupNeeded: isSetupNeeded(db, state),
      proposed: state.settings ?? { sourcesConfigPath: state.defaultSourcesConfigPath, cardReaders: 'pcsc', agentReader: null },
      readers: cards.readState().readers.map((reader) => reader.name),
    }),
    saveDeskSetup: (input) => {
      if (!isSetupNeeded(db, state)) {
        throw new DeskError(
          'FORBIDDEN',
          state.demo
            ? { fr: 'Le mode démonstration ne se configure pas : relancez Guichet sans --demo.', en: 'Demo mode is not configured: start Guichet without --demo.' }
            : { fr: 'Ce guichet est déjà configuré : seul l’administrateur modifie desk-settings.json.', en: 'This desk is already set up: only the administrator edits desk-settings.json.' },
          { rule: 'setup-done' },
        );
      }
      const settings: DeskSettings = { sourcesConfigPath: input.sourcesConfigPath, cardReaders: 'pcsc', agentReader: input.agentReader };
      saveDeskSettings(state.dataDir, settings);
      state.settings = settings;
      return settings;
    },
  };
}
