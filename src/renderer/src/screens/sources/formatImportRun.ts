import type { ImportRunView } from '../../../../shared/api/sources.contract';
import { formatDateTime } from '../../../../shared/text/formatDates';

/** The status key and the end (or start) of a run in the desk's local time: "29/11/2026 09:01". */
export function formatImportRun(run: ImportRunView, locale: string): { statusKey: string; date: string } {
  return { statusKey: `sources.run.${run.status}`, date: formatDateTime(run.finishedAt ?? run.startedAt, locale.startsWith('en') ? 'en' : 'fr') };
}
