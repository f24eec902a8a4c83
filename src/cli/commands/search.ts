import type { PersonSummary } from '../../shared/api/directory.contract';
import type { CliCommand } from '../CliCommand';
import { openCliCore } from '../openCliCore';
import { parseOptions } from '../parseOptions';
import { runDeskCall } from '../runDeskCall';

export const command: CliCommand = {
  name: 'search',
  summary: 'Find people in the directory (name, first name, RPPS, matricule)',
  usage: 'search <text…> [--limit N] [--json] [--data-dir DIR]',
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      limit: { type: 'string', default: '20' },
      json: { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
    });
    const core = openCliCore({ dataDir: values['data-dir'] });
    try {
      const people = await runDeskCall<PersonSummary[]>(core, 'searchPeople', { query: positionals.join(' '), limit: Number(values.limit) });
      for (const person of people) {
        io.out(
          values.json
            ? JSON.stringify(person)
            : [person.lastName, person.firstName, person.birthDate ?? '-', person.rpps ?? '-', person.hrId ?? '-', person.status].join('\t'),
        );
      }
      return 0;
    } finally {
      core.close();
    }
  },
};
