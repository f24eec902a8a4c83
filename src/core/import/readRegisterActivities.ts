import type { RppsActivity } from './importTypes';
import { rppsExtractColumn as column } from './rppsExtractLayout';

/**
 * The activities of a register record, one per extract row it was folded from, read from its raw
 * form (`{"lines": [...]}`, the rows as imported). The rows are the record's only copy of its
 * activities: repeating them in the attributes would store the register twice over.
 */
export function readRegisterActivities(rawJson: string): RppsActivity[] {
  const { lines } = JSON.parse(rawJson) as { lines?: unknown };
  if (!Array.isArray(lines)) return [];
  return lines
    .filter((line): line is string => typeof line === 'string')
    .map((line) => {
      const fields = line.split('|');
      const field = (index: number): string => fields[index] ?? '';
      return {
        professionCode: field(column.professionCode),
        professionLabel: field(column.professionLabel),
        modeCode: field(column.modeCode),
        finessSite: field(column.finessSite),
        finessEj: field(column.finessEj),
        siteName: field(column.siteName),
        // Empty in a 52-column row: its trailing "|" ends where the 56-column layout has the role.
        roleCode: field(column.roleCode),
      };
    });
}
