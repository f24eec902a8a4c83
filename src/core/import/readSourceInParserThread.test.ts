import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendRppsCheckDigit } from '../../shared/identifiers/rpps';
import type { FileSourceConfig, SourcesConfig } from '../sources/parseSourcesConfig';
import { openDatabase } from '../store/openDatabase';
import { formatRppsExtractLine } from './formatRppsExtractLine';
import { SourceUnreadableError } from './importTypes';
import { ParserThreadUnavailableError, readSourceInParserThread } from './readSourceInParserThread';
import { importSources } from './importSources';
import { readRppsExtract, splitExtract } from './readRppsExtract';
import { stageOnThisThread, type StagedBatch, type StagedSourceReader } from './toStagedBatch';

const dir = mkdtempSync(join(tmpdir(), 'guichet-parser-thread-'));
const clock = { now: () => new Date('2026-11-29T08:00:00Z') };

function writeExtract(name: string, professionals: number, rowsPerProfessional: (index: number) => number = (index) => (index % 3 === 0 ? 2 : 1)): FileSourceConfig {
  const path = join(dir, name);
  const lines = [formatRppsExtractLine('header')];
  for (let index = 1; index <= professionals; index += 1) {
    const rpps = appendRppsCheckDigit(String(1_000_000_000 + index));
    const row = { "Type d'identifiant PP": '8', 'Identifiant PP': rpps, "Nom d'exercice": `NOM${index}`, "Prénom d'exercice": 'Élise', 'Code profession': '60', 'Numéro FINESS site': '750000001' };
    lines.push(formatRppsExtractLine(row));
    for (let extra = 1; extra < rowsPerProfessional(index); extra += 1) lines.push(formatRppsExtractLine({ ...row, 'Numéro FINESS site': `99000001${extra}` }));
  }
  lines.push('1|bad line|', '');
  writeFileSync(path, lines.join('\n'));
  return { id: 'rpps', kind: 'rpps-extract', role: 'register', path, maxRemovalShare: 0.1 } as FileSourceConfig;
}

async function readAll(reader: StagedSourceReader): Promise<StagedBatch & { batches: number }> {
  const all = { rows: [] as StagedBatch['rows'], rejected: [] as StagedBatch['rejected'], warnings: [] as StagedBatch['warnings'], rowsRead: 0, bytesRead: 0, batches: 0 };
  for await (const batch of reader.batches()) {
    all.rows.push(...batch.rows);
    all.rejected.push(...batch.rejected);
    all.rowsRead = batch.rowsRead;
    all.bytesRead = batch.bytesRead;
    all.batches += 1;
  }
  return all;
}

describe('readSourceInParserThread', () => {
  it('stages exactly what parsing on this thread stages, batch after batch', { timeout: 30_000 }, async () => {
    const source = writeExtract('extract.txt', 12_000);
    const threaded = await readSourceInParserThread(source, { aheadBatches: 1 });
    expect(threaded).toMatchObject({ foldsDuplicates: true, totalBytes: expect.any(Number) });
    const fromThread = await readAll(threaded);
    const here = await readAll(stageOnThisThread(await readRppsExtract(source.path)));
    expect(fromThread.batches).toBeGreaterThan(1);
    expect(fromThread.rows).toHaveLength(12_000);
    expect(fromThread.rows).toEqual(here.rows);
    expect(fromThread.rejected).toEqual([{ line: 16_002, reason: 'column-count', detail: '2/56' }]);
    expect(fromThread.rowsRead).toBe(16_001);
  });

  it('reports an unreadable file as such, and a thread that cannot start as unavailable', { timeout: 30_000 }, async () => {
    await expect(readSourceInParserThread({ ...writeExtract('x.txt', 1), path: join(dir, 'absent.txt') })).rejects.toThrow(SourceUnreadableError);
    await expect(readSourceInParserThread({ ...writeExtract('x.txt', 1), path: join(dir, 'absent.txt') })).rejects.toThrow(/cannot read .*absent\.txt: ENOENT/);
    await expect(readSourceInParserThread(writeExtract('y.txt', 1), { entry: new URL('file:///nonexistent/parserThread.js') })).rejects.toThrow(ParserThreadUnavailableError);
  });

  it('stops the thread when the reader is left half-way', { timeout: 30_000 }, async () => {
    const reader = await readSourceInParserThread(writeExtract('big.txt', 12_000), { aheadBatches: 1 });
    for await (const batch of reader.batches()) {
      expect(batch.rows.length).toBeGreaterThan(0);
      break;
    }
    // The generator's `finally` awaited the thread's termination: nothing is left running.
  });
});

describe('a register extract shared by two parser threads', () => {
  it('imports exactly what one thread imports, a professional cut by the split included, with the file’s line numbers', { timeout: 60_000 }, async () => {
    // Two rows per professional: find a size whose middle line feed falls inside a professional.
    let source: FileSourceConfig;
    let cutKey = '';
    for (let professionals = 4_000; ; professionals += 1) {
      source = writeExtract('split.txt', professionals, () => 2);
      const [first] = await splitExtract(source.path, 2);
      // Byte offsets: the names carry accents.
      const bytes = readFileSync(source.path);
      const before = bytes.subarray(0, first!.end).toString('utf8').split('\n');
      const lines = bytes.toString('utf8').split('\n');
      const cut = before.length - 1;
      if (lines[cut - 1]!.split('|')[1] === lines[cut]!.split('|')[1]) {
        cutKey = lines[cut]!.split('|')[1]!;
        break;
      }
    }
    // Each thread hands over its own part of the professional cut by the split.
    const shared = await readAll(await readSourceInParserThread(source, { threads: 2 }));
    expect(shared.rows.filter((row) => row[0] === cutKey)).toHaveLength(2);
    const config = { establishment: { name: 'Test', finess: ['750000001'] }, sources: [source] } as SourcesConfig;
    const imported = async (registerParserThreads: number) => {
      const db = openDatabase({ path: ':memory:' });
      const report = await importSources(db, { config, clock, parserThreadMinBytes: 0, registerParserThreads });
      const records = db.prepare('SELECT record_key, raw_json, attributes_json, search_text FROM source_records ORDER BY record_key').all();
      const rejections = db.prepare('SELECT line, reason FROM import_rejections').all();
      db.close();
      return { counts: report.sources.rpps, records, rejections };
    };
    const [oneThread, twoThreads] = [await imported(1), await imported(2)];
    expect(twoThreads.records).toEqual(oneThread.records);
    expect(twoThreads.rejections).toEqual(oneThread.rejections);
    expect(twoThreads.rejections).toHaveLength(1);
    expect(twoThreads.counts).toMatchObject({ read: oneThread.counts!.read, added: oneThread.counts!.added, rejected: 1 });
  });
});
