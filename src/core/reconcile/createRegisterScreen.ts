import type Database from 'better-sqlite3';
import type { CanonicalAttributes } from '../../shared/directory/canonicalAttributes';
import type { MatchingConfig } from '../../shared/matching/matchingConfig';
import { splitFinessColumn } from '../import/registerFinessColumn';
import { buildMatchFeatures } from '../../shared/matching/buildMatchFeatures';
import { createElsewhereNamesakeTest } from './createElsewhereNamesakeTest';
import { createRegisterEntryFilter } from './createRegisterEntryFilter';
import { createRegisterPrescreen } from './createRegisterPrescreen';
import { recordRef, type ReconcileRecord } from './reconcileRecords';

export interface RegisterScreenInput {
  config: MatchingConfig;
  establishmentFiness: readonly string[];
}

/** A share of the register, by row id (`from` included, `to` excluded). */
export interface RegisterIdRange {
  from: number;
  to: number;
}

export interface ScreenedRegister {
  /** The entries some identity may claim (or a human decided on), in row order, with their row ids. */
  ids: number[];
  entries: ReconcileRecord[];
  /** Rows read (the whole share, claimable or not). */
  rows: number;
  /** Raw surname and given-name spellings over every row read (term frequencies). */
  lastNames: Map<string, number>;
  firstNames: Map<string, number>;
}

/** A row of the register, tested on the row itself (+: not through the source index). */
const ofRegister = "+source_id IN (SELECT id FROM sources WHERE role = 'register')";

/**
 * The register's rows by id, from its first to past its last, walked to from both ends of the table
 * (the local records are few): min() and max() through the source index read every register row's
 * entry (half a second at a national scale). Null without a register row.
 */
export function readRegisterBounds(db: Database.Database): RegisterIdRange | null {
  const [from, last] = db
    .prepare(`SELECT (SELECT id FROM source_records WHERE ${ofRegister} ORDER BY id LIMIT 1), (SELECT id FROM source_records WHERE ${ofRegister} ORDER BY id DESC LIMIT 1)`)
    .raw(true)
    .get() as [number | null, number | null];
  return from === null || last === null ? null : { from, to: last + 1 };
}

/**
 * A slice of the register's rows by id (`?` the establishment's FINESS numbers as `|n|`, then the
 * bounds), as one JSON array: one call into SQLite per slice instead of one per row, which over two
 * million rows cost more than reading them. The rows come through the index of present register
 * rows, which carries every column read here: the rows let go are never read from the table (two
 * million of them at a national scale) nor become JavaScript strings. Their FINESS numbers were
 * read at import (migration 0450).
 */
export function registerSliceSql(finessCount: number): string {
  const atEstablishment = finessCount === 0 ? '0' : Array.from({ length: finessCount }, () => 'instr(r.finess, ?) > 0').join(' OR ');
  return `SELECT json_group_array(json_array(r.id, r.rpps, r.last_name, r.first_name, ${atEstablishment})) FROM source_records r
           WHERE r.present = 1 AND r.finess IS NOT NULL AND r.source_id IN (SELECT id FROM sources WHERE role = 'register') AND r.id >= ? AND r.id < ?`;
}

/** Register rows read per call into SQLite. */
const defaultSliceWidth = 16_384;

/** Screens shares of the register; built once per thread (filters over the local records). */
export type RegisterScreen = (range: RegisterIdRange | null, onRows?: (rows: number) => void) => ScreenedRegister;

/**
 * Streams shares of the national register and keeps the entries some identity may claim: most
 * rows are let go on their plain columns (prescreen), the rest as the seed table scores them against
 * the HR records (the filter also keeps out entries whose RPPS contradicts the identity's: the
 * calibrated weights can rate such a disagreement low, as HR exports carry wrong RPPS). Entries a
 * human decided on are always kept, and so are namesakes elsewhere (calibrated policy), unscored: the
 * register phase keeps them aside as mere rivals (createElsewhereNamesakeTest). Runs on the desk's job thread and on a helper thread.
 */
export function createRegisterScreen(
  db: Database.Database,
  localRecords: readonly ReconcileRecord[],
  { config, establishmentFiness }: RegisterScreenInput,
  { sliceWidth = defaultSliceWidth }: { sliceWidth?: number } = {},
): RegisterScreen {
  // The identities as the register phase compares them: the HR records.
  const references = localRecords.flatMap((record) => (record.role === 'hr' ? [buildMatchFeatures({ attributes: record.attributes, finess: record.finess })] : []));
  const claimable = createRegisterEntryFilter({ records: localRecords, config, establishmentFiness, references });
  const prescreen = createRegisterPrescreen({ records: localRecords, config, establishmentFiness });
  // Calibrated: a namesake elsewhere is kept without being scored; the register phase keeps it aside too.
  const isElsewhereNamesake = config.scoring === 'calibrated' ? createElsewhereNamesakeTest({ references, establishmentFiness }) : null;
  const decided = new Set((db.prepare('SELECT source_id, record_key FROM reconcile_decisions').raw(true).all() as [string, string][]).map(([sourceId, key]) => `${sourceId}/${key}`));
  const decidedIds = new Set(
    db.prepare('SELECT r.id FROM reconcile_decisions d JOIN source_records r ON r.source_id = d.source_id AND r.record_key = d.record_key').pluck().all() as number[],
  );
  const sliceRows = db.prepare(registerSliceSql(establishmentFiness.length)).pluck();
  let bounds: RegisterIdRange | null | undefined;
  const finessParameters = establishmentFiness.map((finess) => `|${finess}|`);
  const keptRows = db.prepare('SELECT id, source_id, record_key, attributes_json, finess FROM source_records WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id').raw(true);
  return (range, onRows) => {
    // The share, narrowed to the register's rows: slices are read only where rows may be.
    if (bounds === undefined) bounds = readRegisterBounds(db);
    const [from, to] = bounds === null ? [0, 0] : range === null ? [bounds.from, bounds.to] : [Math.max(bounds.from, range.from), Math.min(bounds.to, range.to)];
    const screened: ScreenedRegister = { ids: [], entries: [], rows: 0, lastNames: new Map(), firstNames: new Map() };
    // Counted in cells: one lookup per name and row instead of a read and a write.
    const [lastNames, firstNames] = [new Map<string, { count: number }>(), new Map<string, { count: number }>()];
    const count = (counts: Map<string, { count: number }>, name: string): void => {
      const cell = counts.get(name);
      if (cell === undefined) counts.set(name, { count: 1 });
      else cell.count += 1;
    };
    for (let slice = from; slice < to; slice += sliceWidth) {
      const rows = JSON.parse(sliceRows.get(...finessParameters, slice, Math.min(to, slice + sliceWidth)) as string) as [number, string | null, string | null, string | null, number][];
      // In row order, as entries come back (an aggregate's order is SQLite's choice).
      if (rows.some((row, index) => index > 0 && rows[index - 1]![0] > row[0])) rows.sort((a, b) => a[0] - b[0]);
      const kept: number[] = [];
      for (const [id, rpps, lastName, firstName, here] of rows) {
        screened.rows += 1;
        if (onRows !== undefined && screened.rows % 50_000 === 0) onRows(screened.rows);
        if (lastName !== null) count(lastNames, lastName);
        if (firstName !== null) count(firstNames, firstName);
        // Most of the national register is let go on its plain columns.
        if (prescreen === null || prescreen({ rpps, lastName, firstName, atEstablishment: here === 1 }) || decidedIds.has(id)) kept.push(id);
      }
      if (kept.length === 0) continue;
      for (const [id, sourceId, key, json, finess] of keptRows.all(JSON.stringify(kept)) as [number, string, string, string, string | null][]) {
        const entry: ReconcileRecord = { sourceId, role: 'register', key, attributes: JSON.parse(json) as CanonicalAttributes, finess: splitFinessColumn(finess) };
        const features = buildMatchFeatures({ attributes: entry.attributes, finess: entry.finess });
        if (!isElsewhereNamesake?.(features) && !claimable(entry, features) && !decided.has(recordRef(entry))) continue;
        screened.ids.push(id);
        screened.entries.push(entry);
      }
    }
    for (const [name, { count: n }] of lastNames) screened.lastNames.set(name, n);
    for (const [name, { count: n }] of firstNames) screened.firstNames.set(name, n);
    return screened;
  };
}
