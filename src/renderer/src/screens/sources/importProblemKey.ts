import { importProblemLabels } from '../../../../shared/directory/importProblemLabels';

/** The i18n key of an import problem code; null for a sentence kept by an older import (shown as is). */
export function importProblemKey(reason: string): string | null {
  return Object.hasOwn(importProblemLabels, reason) ? `sources.problem.${reason}` : null;
}
