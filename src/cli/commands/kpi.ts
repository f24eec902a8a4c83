import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { systemClock } from '../../core/clock';
import { resolveUserDataDir } from '../../core/config/resolveUserDataDir';
import { readKpiReport } from '../../core/indicators/readKpiReport';
import { openStoreFile } from '../../core/store/openStoreFile';
import { formatFigureValue } from '../../shared/indicators/formatFigureValue';
import { CliUsageError, type CliCommand } from '../CliCommand';
import { parseOptions } from '../parseOptions';

const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const isRealDay = (day: string) => isoDate.test(day) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day);

export const command: CliCommand = {
  name: 'kpi',
  summary: 'Print the dashboard’s identity indicators (and their daily series over a range) as one JSON object',
  usage: 'kpi --json [--from YYYY-MM-DD --to YYYY-MM-DD] [--period-days 7|30|365] [--db PATH | --data-dir DIR]',
  async run(args, io) {
    const { values } = parseOptions(
      args,
      { json: { type: 'boolean' }, from: { type: 'string' }, to: { type: 'string' }, 'period-days': { type: 'string' }, db: { type: 'string' }, 'data-dir': { type: 'string' } },
      false,
    );
    if ((values.from === undefined) !== (values.to === undefined)) throw new CliUsageError('Expected both --from and --to, or neither');
    for (const day of [values.from, values.to]) if (day !== undefined && !isRealDay(day)) throw new CliUsageError(`Expected a date as YYYY-MM-DD, got "${day}"`);
    if (values.from !== undefined && values.to !== undefined && values.from > values.to) throw new CliUsageError(`Expected --from on or before --to, got ${values.from} after ${values.to}`);
    const periodDays = Number(values['period-days'] ?? 30);
    if (![7, 30, 365].includes(periodDays)) throw new CliUsageError(`Expected --period-days 7, 30 or 365, got "${values['period-days']}"`);
    const path = values.db ?? join(values['data-dir'] ?? resolveUserDataDir(), 'guichet.sqlite');
    if (!existsSync(path)) throw new CliUsageError(`Expected a Guichet database at ${path}, but there is no such file`);

    // Encrypted with the key file beside it (or GUICHET_KEY_FILE).
    const db = openStoreFile({ path });
    try {
      const report = readKpiReport(db, { clock: systemClock, periodDays, ...(values.from === undefined || values.to === undefined ? {} : { range: { from: values.from, to: values.to } }) });
      if (values.json === true) io.out(JSON.stringify(report));
      else for (const [key, figure] of Object.entries(report.figures)) io.out(`${figure.label}: ${formatFigureValue(figure.value, figure.unit, 'fr').replace(/\u202f/g, ' ')}${figure.status === 'alert' ? ' (ALERTE)' : ''}  [${key}]`);
      return 0;
    } finally {
      db.close();
    }
  },
};
