import type { SourceConfig } from '../sources/parseSourcesConfig';
import type { LineParser, ParsedPart, ParsedRecord, RejectedLine } from './importTypes';
import { mapEntryAttributes, type DirectoryEntry } from './mapEntryAttributes';

export type LdifSourceConfig = Extract<SourceConfig, { kind: 'ldif' }>;

interface PendingEntry {
  line: number;
  dn: string | null;
  values: Map<string, string[]>;
  /** Set when a line of the entry is malformed: the whole entry is rejected with this reason. */
  problem: RejectedLine | null;
}

const base64Pattern = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Parses an Active Directory LDIF export (RFC 2849 content records) line by line: folded lines
 * (continuations start with one space), `attr:: base64` values, comments, multi-valued and
 * case-insensitive attribute names, `;options` dropped. A malformed entry is rejected with the
 * line of its problem; change records and `:<` URL values are refused rather than misread.
 */
export function createLdifParser(source: LdifSourceConfig): LineParser {
  let entry: PendingEntry | null = null;
  let logical: { line: number; text: string; comment: boolean } | null = null;
  let rowsRead = 0;
  let records: ParsedRecord[] = [];
  let rejected: RejectedLine[] = [];
  const addLine = (line: number, text: string): void => {
    const colon = text.indexOf(':');
    if (colon <= 0) {
      entry ??= { line, dn: null, values: new Map(), problem: null };
      entry.problem ??= { line, reason: `expected "attribute: value", found "${text.slice(0, 40)}"` };
      return;
    }
    const name = text.slice(0, colon).split(';')[0]!.toLowerCase();
    let value: string;
    if (text[colon + 1] === ':') {
      const encoded = text.slice(colon + 2).trim();
      if (!base64Pattern.test(encoded)) {
        entry ??= { line, dn: null, values: new Map(), problem: null };
        entry.problem ??= { line, reason: `${name}: expected a base64 value after "::"` };
        return;
      }
      value = Buffer.from(encoded, 'base64').toString('utf8');
    } else if (text[colon + 1] === '<') {
      entry ??= { line, dn: null, values: new Map(), problem: null };
      entry.problem ??= { line, reason: `${name}: URL values (":<") are not supported; expected the value inline` };
      return;
    } else {
      value = text.slice(colon + 1).replace(/^ +/, '');
    }
    if (entry === null) {
      if (name === 'version') return;
      entry = { line, dn: null, values: new Map(), problem: null };
      if (name !== 'dn') entry.problem = { line, reason: `expected an entry to start with "dn:", found "${name}:"` };
    }
    if (name === 'dn') {
      entry.dn = value;
    } else if (name === 'changetype') {
      entry.problem ??= { line, reason: 'expected a content record, found a change record ("changetype")' };
    } else {
      const values = entry.values.get(name);
      if (values === undefined) entry.values.set(name, [value]);
      else values.push(value);
    }
  };
  const flushLogical = (): void => {
    if (logical !== null && !logical.comment) addLine(logical.line, logical.text);
    logical = null;
  };
  const endEntry = (): void => {
    flushLogical();
    if (entry === null) return;
    const finished: PendingEntry = entry;
    entry = null;
    rowsRead += 1;
    if (finished.problem !== null) {
      rejected.push(finished.problem);
      return;
    }
    const directoryEntry: DirectoryEntry = { dn: finished.dn ?? '', values: finished.values };
    const mapped = mapEntryAttributes(directoryEntry, source);
    if (mapped.ok) records.push({ line: finished.line, key: mapped.key, raw: mapped.raw, attributes: mapped.attributes });
    else rejected.push({ line: finished.line, reason: mapped.reason });
  };

  const take = (): ParsedPart => {
    const part = { records, rejected, rowsRead };
    records = [];
    rejected = [];
    return part;
  };
  return {
    push(lines) {
      for (const { number, text } of lines) {
        if (text.startsWith(' ') && logical !== null) {
          logical.text += text.slice(1);
        } else if (text.trim() === '') {
          endEntry();
        } else {
          flushLogical();
          logical = { line: number, text, comment: text.startsWith('#') };
        }
      }
      return take();
    },
    end() {
      endEntry();
      return take();
    },
  };
}
