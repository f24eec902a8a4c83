import type { DeskStatus } from '../../shared/api/status.contract';
import type { CliCommand } from '../CliCommand';
import { openCliCore } from '../openCliCore';
import { parseOptions } from '../parseOptions';
import { runDeskCall } from '../runDeskCall';

export const command: CliCommand = {
  name: 'status',
  summary: 'Show the directory in use (establishment, counts) as JSON',
  usage: 'status [--data-dir DIR]',
  async run(args, io) {
    const { values } = parseOptions(args, { 'data-dir': { type: 'string' } }, false);
    const core = openCliCore({ dataDir: values['data-dir'] });
    try {
      io.out(JSON.stringify(await runDeskCall<DeskStatus>(core, 'getDeskStatus', {})));
      return 0;
    } finally {
      core.close();
    }
  },
};
