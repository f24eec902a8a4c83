import type { ImportRunView } from '../../../../shared/api/sources.contract';

/** "12/03/2026 08:15" from an ISO timestamp, in the desk's local time. */
export function formatImportRun(run: ImportRunView, locale: string): { statusKey: string; date: string } {
  const date = new Date(run.finishedAt ?? run.startedAt).toLocaleString(locale.startsWith('en') ? 'en-GB' : 'fr-FR', { dateStyle: 'short', timeStyle: 'short' });
  return { statusKey: `sources.run.${run.status}`, date };
}
