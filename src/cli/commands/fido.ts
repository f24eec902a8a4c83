import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { importFidoMetadata } from '../../core/fido/importFidoMetadata';
import { readFidoMetadataStatus } from '../../core/fido/readFidoMetadataStatus';
import { resolveFidoSettings } from '../../core/fido/FidoSettings';
import { CliUsageError, type CliCommand } from '../CliCommand';
import { openCliCore } from '../openCliCore';
import { describeCliError } from '../runDeskCall';
import { parseOptions } from '../parseOptions';

/**
 * The monthly refresh of the offline FIDO metadata, scriptable: `fido metadata import FILE`
 * (an MDS3 BLOB, verified, or `--statements` for a local statements file) and `fido metadata status`.
 * Imports are journaled as acts of the system, from this workstation.
 */
export const command: CliCommand = {
  name: 'fido',
  summary: 'Import the offline FIDO metadata (MDS3 BLOB or statements file) or show what is loaded',
  usage: 'fido metadata import FILE [--statements] [--data-dir DIR | --db PATH]  |  fido metadata status [--data-dir DIR | --db PATH]',
  async run(args, io) {
    const { values, positionals } = parseOptions(args, { statements: { type: 'boolean' }, 'data-dir': { type: 'string' }, db: { type: 'string' } });
    const [topic, action, file, ...extra] = positionals;
    const importing = action === 'import' && file !== undefined && extra.length === 0;
    if (topic !== 'metadata' || !(importing || (action === 'status' && file === undefined))) {
      throw new CliUsageError(`Expected "fido metadata import FILE" or "fido metadata status", got "fido ${positionals.join(' ')}"`);
    }
    const core = openCliCore({ dataDir: values['data-dir'], dbPath: values.db });
    try {
      const settings = resolveFidoSettings();
      if (importing) {
        const result = await importFidoMetadata(core.db, core.clock, {
          actor: { agentId: null, agentName: 'guichet fido metadata import', desk: hostname() },
          kind: values.statements === true ? 'statements' : 'mds-blob',
          content: readFileSync(file, 'utf8'),
          trustAnchors: settings.mdsTrustAnchors,
        });
        io.err(`imported ${result.entries} FIDO2 models from ${file}`);
      }
      io.out(JSON.stringify(readFidoMetadataStatus(core.db, core.clock, settings, 'renderer')));
      return 0;
    } catch (error) {
      io.err(describeCliError(error));
      return 1;
    } finally {
      core.close();
    }
  },
};
