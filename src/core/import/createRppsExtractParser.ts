import { isValidRpps } from '../../shared/identifiers/rpps';
import type { CanonicalAttributes } from '../../shared/directory/canonicalAttributes';
import type { LineParser, ParsedRecord, RejectedLine } from './importTypes';
import { SourceUnreadableError } from './importTypes';
import { rppsExtractColumn as column, rppsExtractColumnCounts } from './rppsExtractLayout';

/** Field `index` of a row whose separator positions are `cuts`. */
function fieldOf(text: string, cuts: Int32Array, index: number): string {
  return text.slice(index === 0 ? 0 : cuts[index - 1]! + 1, cuts[index]);
}

const sexByCivility: Record<string, 'M' | 'F'> = { M: 'M', MME: 'F', MLLE: 'F' };

/**
 * Parses the Annuaire Santé `PS_LibreAcces_Personne_activite` extract line by line: `|`-separated
 * with a trailing `|`, a header line, 56 (or, in older files, 52) columns, one row per
 * professional × activity. Consecutive rows of the same professional are folded into one record
 * (the import engine folds the rare non-consecutive ones); its raw form is `{ lines: [...] }`, the
 * rows as read, whose columns are the fixed extract header; its activities are read from them. RPPS
 * numbers must carry a valid Luhn key; ADELI-only rows are kept under their national id, without `rpps`.
 */
export function createRppsExtractParser(path: string): LineParser {
  let header: string[] | null = null;
  let current: ParsedRecord | null = null;
  let rowsRead = 0;
  const cuts = new Int32Array(64);
  return {
    push(lines) {
      const records: ParsedRecord[] = [];
      const rejected: RejectedLine[] = [];
      for (const { number, text, undecodable } of lines) {
        if (header === null) {
          header = readHeader(text, path);
          continue;
        }
        if (text === '') continue;
        rowsRead += 1;
        // Separator positions rather than split(): only 7 of the 56 fields are read.
        let separators = 0;
        for (let at = text.indexOf('|'); at !== -1; at = text.indexOf('|', at + 1)) {
          if (separators < cuts.length) cuts[separators] = at;
          separators += 1;
        }
        if (separators !== header.length || cuts[separators - 1] !== text.length - 1) {
          rejected.push({ line: number, reason: 'column-count', detail: `${separators}/${header.length}` });
          continue;
        }
        if (undecodable === true) {
          // Rare (a declared UTF-8 extract with a stray byte): name the column holding it.
          const fields = text.split('|');
          const at = fields.findIndex((field) => field.includes('\uFFFD'));
          rejected.push({ line: number, reason: 'undecodable-bytes', field: header[at] ?? '' });
          continue;
        }
        const idType = fieldOf(text, cuts, column.idType);
        const id = fieldOf(text, cuts, column.id);
        if (idType === '8' && !isValidRpps(id)) {
          rejected.push({ line: number, reason: 'invalid-key', field: header[column.id]!, value: id });
          continue;
        }
        if (idType !== '8' && idType !== '0') {
          rejected.push({ line: number, reason: 'unknown-identifier-type', field: header[column.idType]!, value: idType });
          continue;
        }
        const key = idType === '8' ? id : fieldOf(text, cuts, column.nationalId);
        if (key === '') {
          rejected.push({ line: number, reason: 'missing-key', field: header[column.nationalId]! });
          continue;
        }
        if (current !== null && current.key === key) {
          (current.raw.lines as string[]).push(text);
          continue;
        }
        if (current !== null) records.push(current);
        const sex = sexByCivility[fieldOf(text, cuts, column.civility)];
        const attributes: CanonicalAttributes = {};
        if (idType === '8') attributes.rpps = id;
        attributes.lastName = fieldOf(text, cuts, column.lastName);
        attributes.firstName = fieldOf(text, cuts, column.firstName);
        if (sex !== undefined) attributes.sex = sex;
        const profession = fieldOf(text, cuts, column.professionCode);
        if (profession !== '') attributes.profession = profession;
        // The rows as read, the record's only copy of its activities (see readRegisterActivities):
        // a 56-key object per row would be five times larger to store and compare.
        current = { line: number, key, raw: { lines: [text] }, attributes, register: true };
      }
      return { records, rejected, warnings: [], rowsRead };
    },
    end() {
      if (header === null) throw new SourceUnreadableError(`${path} is empty: expected the extract's header line`);
      const last = current === null ? [] : [current];
      current = null;
      return { records: last, rejected: [], warnings: [], rowsRead };
    },
  };
}

function readHeader(text: string, path: string): string[] {
  const names = text.split('|');
  if (names.at(-1) === '') names.pop();
  if (!rppsExtractColumnCounts.includes(names.length) || !/identifiant pp/i.test(names[column.id] ?? '')) {
    throw new SourceUnreadableError(
      `${path}: expected an Annuaire Santé header of ${rppsExtractColumnCounts.join(' or ')} "|"-separated columns starting with "Type d'identifiant PP|Identifiant PP", found ${names.length} columns`,
    );
  }
  return names;
}
