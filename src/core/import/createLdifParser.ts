import type { ImportRejection, ImportWarning } from '../../shared/directory/importProblems';
import type { KnownNames } from '../../shared/directory/splitFullName';
import type { SourceConfig } from '../sources/parseSourcesConfig';
import type { FileLine } from './createLineDecoder';
import type { LineParser, ParsedPart, ParsedRecord, RejectedLine } from './importTypes';
import { mapEntryAttributes } from './mapEntryAttributes';

export type LdifSourceConfig = Extract<SourceConfig, { kind: 'ldif' }>;

interface PendingEntry {
  line: number;
  dn: string | null;
  values: Map<string, string[]>;
  /** Set when a line of the entry is malformed: the whole entry is rejected with this reason. */
  problem: RejectedLine | null;
  warnings: ImportWarning[];
}

interface LogicalLine {
  line: number;
  text: string;
  comment: boolean;
  undecodable: boolean;
}

const base64Pattern = /^[A-Za-z0-9+/]*={0,2}$/;

/** Object classes of the tree's own nodes: an export of a whole subtree (slapcat, ldapsearch) holds them beside the accounts. */
const containerClasses = new Set(['organizationalunit', 'organization', 'domain', 'dcobject', 'container', 'builtindomain', 'locality', 'country']);

/** A node of the directory tree, not an account: it has no key and says it is a container. */
function isContainerEntry(entry: PendingEntry, keyAttribute: string): boolean {
  if (keyAttribute === 'dn' || (entry.values.get(keyAttribute)?.length ?? 0) > 0) return false;
  const classes = (entry.values.get('objectclass') ?? []).map((value) => value.toLowerCase());
  return classes.some((value) => containerClasses.has(value)) && !classes.some((value) => value === 'person' || value === 'user' || value === 'inetorgperson');
}

/**
 * Parses an LDIF export (RFC 2849, as Windows `ldifde` and OpenLDAP write it) line by line: the
 * `version: 1` line, `changetype: add`, folded lines (continuations start with one space), `attr::
 * base64` values, comments, multi-valued and case-insensitive attribute names, `;options` dropped,
 * escaped DNs kept as written. An entry ends at a blank line, or at a new `dn:` line (with a
 * warning: an export that lost its blank lines still gives every entry). A malformed entry is
 * rejected with the line of its problem; change records other than `add` and `:<` URL values are
 * refused rather than misread. The tree's own nodes (`ou=`, `dc=` entries without the key) are
 * skipped, as a whole-subtree export holds them. A line whose bytes are not valid in the file's encoding drops that
 * value with a warning.
 */
export function createLdifParser(source: LdifSourceConfig, { knownNames }: { knownNames?: KnownNames } = {}): LineParser {
  let entry: PendingEntry | null = null;
  let logical: LogicalLine | null = null;
  let rowsRead = 0;
  let records: ParsedRecord[] = [];
  let rejected: RejectedLine[] = [];
  let warnings: ImportWarning[] = [];
  const startEntry = (line: number): PendingEntry => ({ line, dn: null, values: new Map(), problem: null, warnings: [] });
  const flag = (line: number, problem: Omit<ImportRejection, 'line'>): void => {
    entry ??= startEntry(line);
    entry.problem ??= { line, ...problem };
  };
  const endEntry = (): void => {
    if (entry === null) return;
    const finished: PendingEntry = entry;
    entry = null;
    // Not a row at all: neither read nor rejected.
    if (finished.problem === null && isContainerEntry(finished, source.key.toLowerCase())) return;
    rowsRead += 1;
    if (finished.problem !== null) {
      rejected.push(finished.problem);
      return;
    }
    const mapped = mapEntryAttributes({ dn: finished.dn ?? '', values: finished.values }, source, finished.line, knownNames);
    if (!mapped.ok) {
      rejected.push(mapped.rejection);
      return;
    }
    records.push({ line: finished.line, key: mapped.key, raw: mapped.raw, attributes: mapped.attributes });
    warnings.push(...finished.warnings, ...mapped.warnings);
  };
  const addLine = ({ line, text, undecodable }: LogicalLine): void => {
    const colon = text.indexOf(':');
    if (colon <= 0) return flag(line, { reason: 'ldif-syntax' });
    const name = text.slice(0, colon).split(';')[0]!.toLowerCase();
    if (name === 'dn') {
      if (entry !== null) {
        // A new entry without the blank line before it: end the previous one rather than merge them.
        endEntry();
        entry = startEntry(line);
        entry.warnings.push({ line, reason: 'ldif-missing-blank-line', field: 'dn' });
      } else {
        entry = startEntry(line);
      }
    } else if (entry === null) {
      if (name === 'version') return;
      flag(line, { reason: 'ldif-missing-dn', field: name });
    }
    const current: PendingEntry = entry!;
    let value: string;
    if (text[colon + 1] === ':') {
      const encoded = text.slice(colon + 2).trim();
      if (!base64Pattern.test(encoded)) return flag(line, { reason: 'ldif-base64', field: name });
      value = Buffer.from(encoded, 'base64').toString('utf8');
    } else if (text[colon + 1] === '<') {
      return flag(line, { reason: 'ldif-url-value', field: name });
    } else {
      value = text.slice(colon + 1).replace(/^ +/, '');
      if (undecodable) {
        current.warnings.push({ line, reason: 'undecodable-bytes', field: name, value });
        if (name !== 'dn') return;
      }
    }
    if (name === 'dn') {
      current.dn = value;
    } else if (name === 'changetype') {
      // ldifde writes "changetype: add" before each entry's attributes; other changes are not content.
      if (value.trim().toLowerCase() !== 'add') current.problem ??= { line, reason: 'ldif-change-record', detail: value.trim().slice(0, 20) };
    } else {
      const values = current.values.get(name);
      if (values === undefined) current.values.set(name, [value]);
      else values.push(value);
    }
  };
  const flushLogical = (): void => {
    if (logical !== null && !logical.comment) addLine(logical);
    logical = null;
  };

  const take = (): ParsedPart => {
    const part = { records, rejected, warnings, rowsRead };
    records = [];
    rejected = [];
    warnings = [];
    return part;
  };
  return {
    push(lines: readonly FileLine[]) {
      for (const { number, text, undecodable } of lines) {
        if (text.startsWith(' ') && logical !== null) {
          logical.text += text.slice(1);
          if (undecodable === true) logical.undecodable = true;
        } else if (text.trim() === '') {
          flushLogical();
          endEntry();
        } else {
          flushLogical();
          logical = { line: number, text, comment: text.startsWith('#'), undecodable: undecodable === true };
        }
      }
      return take();
    },
    end() {
      flushLogical();
      endEntry();
      return take();
    },
  };
}
