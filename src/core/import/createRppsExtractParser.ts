import { isValidRpps } from '../../shared/identifiers/rpps';
import type { LineParser, ParsedRecord, RejectedLine, RppsActivity } from './importTypes';
import { SourceUnreadableError } from './importTypes';

/** Current extracts have 56 columns; files before the "rôle" and "genre activité" columns have 52. */
const knownColumnCounts = [56, 52];
/** Columns 1–9 describe the professional; the rest describe one activity. */
const personColumnCount = 9;

const column = {
  idType: 0,
  id: 1,
  nationalId: 2,
  civility: 5,
  lastName: 7,
  firstName: 8,
  professionCode: 9,
  professionLabel: 10,
  modeCode: 17,
  finessSite: 21,
  finessEj: 22,
  siteName: 24,
  roleCode: 52,
} as const;

const sexByCivility: Record<string, 'M' | 'F'> = { M: 'M', MME: 'F', MLLE: 'F' };

function nonEmptyColumns(header: readonly string[], fields: readonly string[], from: number, to: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (let index = from; index < to; index += 1) if (fields[index] !== '') out[header[index]!] = fields[index]!;
  return out;
}


/**
 * Parses the Annuaire Santé `PS_LibreAcces_Personne_activite` extract line by line: `|`-separated
 * with a trailing `|`, a header line, 56 (or, in older files, 52) columns, one row per
 * professional × activity. Consecutive rows of the same professional are folded into one record
 * with its activities (the import engine folds the rare non-consecutive ones). RPPS numbers must
 * carry a valid Luhn key; ADELI-only rows are kept under their national id, without `rpps`.
 */
export function createRppsExtractParser(path: string): LineParser {
  let header: string[] | null = null;
  let current: ParsedRecord | null = null;
  let rowsRead = 0;
  return {
    push(lines) {
      const records: ParsedRecord[] = [];
      const rejected: RejectedLine[] = [];
      for (const { number, text } of lines) {
        if (header === null) {
          header = readHeader(text, path);
          continue;
        }
        if (text === '') continue;
        rowsRead += 1;
        const fields = text.split('|');
        if (fields.length !== header.length + 1 || fields[header.length] !== '') {
          rejected.push({ line: number, reason: `expected ${header.length} columns each ended by "|", found ${fields.length - 1} separators` });
          continue;
        }
        const idType = fields[column.idType]!;
        const id = fields[column.id]!;
        if (idType === '8' && !isValidRpps(id)) {
          rejected.push({ line: number, reason: `invalid RPPS "${id}": expected 11 digits with a valid Luhn key` });
          continue;
        }
        if (idType !== '8' && idType !== '0') {
          rejected.push({ line: number, reason: `unknown identifier type "${idType}": expected 8 (RPPS) or 0 (ADELI)` });
          continue;
        }
        const key = idType === '8' ? id : fields[column.nationalId]!;
        if (key === '') {
          rejected.push({ line: number, reason: 'missing identifier: expected "Identification nationale PP"' });
          continue;
        }
        const activity: RppsActivity = {
          professionCode: fields[column.professionCode]!,
          professionLabel: fields[column.professionLabel]!,
          modeCode: fields[column.modeCode]!,
          finessSite: fields[column.finessSite]!,
          finessEj: fields[column.finessEj]!,
          siteName: fields[column.siteName]!,
          roleCode: header.length > column.roleCode ? fields[column.roleCode]! : '',
        };
        const rawActivity = nonEmptyColumns(header, fields, personColumnCount, header.length);
        if (current !== null && current.key === key) {
          current.attributes.activities!.push(activity);
          (current.raw.activities as Record<string, string>[]).push(rawActivity);
          continue;
        }
        if (current !== null) records.push(current);
        const sex = sexByCivility[fields[column.civility]!];
        current = {
          line: number,
          key,
          // The first row flat (as consumers read a register entry), then every row's activity columns.
          raw: { ...nonEmptyColumns(header, fields, 0, header.length), activities: [rawActivity] },
          attributes: {
            ...(idType === '8' ? { rpps: id } : {}),
            lastName: fields[column.lastName]!,
            firstName: fields[column.firstName]!,
            ...(sex === undefined ? {} : { sex }),
            ...(activity.professionCode === '' ? {} : { profession: activity.professionCode }),
            activities: [activity],
          },
        };
      }
      return { records, rejected, rowsRead };
    },
    end() {
      if (header === null) throw new SourceUnreadableError(`${path} is empty: expected the extract's header line`);
      const last = current === null ? [] : [current];
      current = null;
      return { records: last, rejected: [], rowsRead };
    },
  };
}

function readHeader(text: string, path: string): string[] {
  const names = text.split('|');
  if (names.at(-1) === '') names.pop();
  if (!knownColumnCounts.includes(names.length) || !/identifiant pp/i.test(names[column.id] ?? '')) {
    throw new SourceUnreadableError(
      `${path}: expected an Annuaire Santé header of ${knownColumnCounts.join(' or ')} "|"-separated columns starting with "Type d'identifiant PP|Identifiant PP", found ${names.length} columns`,
    );
  }
  return names;
}
