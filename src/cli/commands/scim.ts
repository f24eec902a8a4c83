import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock } from '../../core/clock';
import { resolveUserDataDir } from '../../core/config/resolveUserDataDir';
import { createScimOutbox } from '../../core/scim/createScimOutbox';
import { readScimSettings, saveScimSettings, scimSettingsSchema } from '../../core/scim/scimSettings';
import { openStoreFile } from '../../core/store/openStoreFile';
import { CliUsageError, type CliCommand } from '../CliCommand';
import { parseOptions } from '../parseOptions';

export const command: CliCommand = {
  name: 'scim',
  summary: 'Link the desk with the hospital’s IAM (SCIM 2.0): configure it, show the outbox, send what is due',
  usage: 'scim configure --url URL [--token-env NAME] [--allow-create] [--no-check-before-bind] | scim off | scim status [--json] | scim flush [--json]  [--db PATH | --data-dir DIR]',
  async run(args, io) {
    const [action, ...rest] = args;
    if (!['configure', 'off', 'status', 'flush'].includes(action ?? '')) throw new CliUsageError(`Expected configure, off, status or flush, got "${action ?? ''}"`);
    const { values } = parseOptions(
      rest,
      { url: { type: 'string' }, 'token-env': { type: 'string' }, 'allow-create': { type: 'boolean' }, 'no-check-before-bind': { type: 'boolean' }, json: { type: 'boolean' }, db: { type: 'string' }, 'data-dir': { type: 'string' } },
      false,
    );
    const path = values.db ?? join(values['data-dir'] ?? resolveUserDataDir(), 'guichet.sqlite');
    if (!existsSync(path)) throw new CliUsageError(`Expected a Guichet database at ${path}, but there is no such file`);
    const db = openStoreFile({ path });
    try {
      if (action === 'configure') {
        const parsed = scimSettingsSchema.safeParse({ url: values.url, tokenEnv: values['token-env'] ?? 'GUICHET_SCIM_TOKEN', allowCreate: values['allow-create'] === true, checkBeforeBind: values['no-check-before-bind'] !== true });
        if (!parsed.success) throw new CliUsageError(`Invalid IAM settings: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
        saveScimSettings(db, parsed.data);
        io.out(`IAM configured: ${parsed.data.url} (token from $${parsed.data.tokenEnv})`);
        return 0;
      }
      if (action === 'off') {
        saveScimSettings(db, null);
        io.out('IAM link removed; acts are no longer queued for it.');
        return 0;
      }
      const outbox = createScimOutbox({ db, clock: systemClock });
      const flushed = action === 'flush' ? await outbox.flush() : null;
      const status = outbox.status();
      if (values.json === true) io.out(JSON.stringify({ settings: readScimSettings(db), status, ...(flushed === null ? {} : { flushed }) }));
      else io.out(`${status.configured ? 'IAM configured' : 'No IAM configured'}; ${status.pending} pending, ${status.failed} failed${status.lastError === null ? '' : `; last error: ${status.lastError}`}${flushed === null ? '' : `; this round: ${flushed.sent} sent, ${flushed.retried} to retry, ${flushed.dead} failed, ${flushed.waiting} waiting`}`);
      return 0;
    } finally {
      db.close();
    }
  },
};
