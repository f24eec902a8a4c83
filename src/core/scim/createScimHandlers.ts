import type Database from 'better-sqlite3';
import type { DeskHandlers } from '../../shared/api/dispatch';
import { DeskError } from '../../shared/api/errors';
import type { ScimTokenSourceView } from '../../shared/api/scim.contract';
import type { Clock } from '../clock';
import { appendJournalEntry } from '../journal/appendJournalEntry';
import type { ScimOutbox } from './createScimOutbox';
import type { ScimTokenKeeper } from './ScimTokenKeeper';
import { readScimSettings } from './scimSettings';

type ScimMethod = 'getScimStatus' | 'listScimOutbox' | 'retryScimItem' | 'discardScimItem' | 'getScimTokenSource' | 'setScimToken';

export interface ScimHandlersOptions {
  outbox: ScimOutbox;
  db: Database.Database;
  clock: Clock;
  /** The OS keychain (Electron shell); absent in browser mode, where the token is an environment variable. */
  tokenKeeper?: ScimTokenKeeper | undefined;
  env?: NodeJS.ProcessEnv;
}

/** The IAM link's methods; the contract declares `iam.sync` (admins) for the outbox and the token, the dispatcher checks it. */
export function createScimHandlers({ outbox, db, clock, tokenKeeper, env = process.env }: ScimHandlersOptions): Pick<DeskHandlers, ScimMethod> {
  const tokenSource = (): ScimTokenSourceView => {
    const tokenEnv = readScimSettings(db)?.tokenEnv ?? null;
    const present = tokenEnv !== null && (env[tokenEnv] ?? '') !== '';
    return { source: tokenKeeper === undefined ? 'environment' : 'keychain', tokenEnv, present };
  };
  return {
    getScimStatus: () => outbox.status(),
    listScimOutbox: ({ state, limit }) => outbox.list({ state, limit }),
    retryScimItem: ({ id }, { actor }) => outbox.retry(id, actor),
    discardScimItem: ({ id, reason }, { actor }) => outbox.discard(id, reason, actor),
    getScimTokenSource: () => tokenSource(),
    async setScimToken({ token }, { actor }) {
      const settings = readScimSettings(db);
      if (settings === null) {
        throw new DeskError('PRECONDITION_FAILED', { fr: 'Aucun IAM n’est configuré : réglez d’abord son adresse (guichet scim configure).', en: 'No IAM is configured: set its address first (guichet scim configure).' });
      }
      if (tokenKeeper === undefined) {
        throw new DeskError('PRECONDITION_FAILED', {
          fr: `En mode navigateur, le jeton de l’IAM se règle par la variable d’environnement ${settings.tokenEnv} du poste, pas dans le guichet.`,
          en: `In browser mode the IAM token is set through the workstation's environment variable ${settings.tokenEnv}, not in the desk.`,
        });
      }
      await tokenKeeper.save(token, settings.tokenEnv);
      // The act, never the token.
      appendJournalEntry(db, clock, { actor, action: token === null ? 'scim.token-clear' : 'scim.token-set', after: { tokenEnv: settings.tokenEnv, keychain: true } });
      return tokenSource();
    },
  };
}
