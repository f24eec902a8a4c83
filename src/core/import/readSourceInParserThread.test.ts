import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendRppsCheckDigit } from '../../shared/identifiers/rpps';
import type { FileSourceConfig } from '../sources/parseSourcesConfig';
import { formatRppsExtractLine } from './formatRppsExtractLine';
import { SourceUnreadableError } from './importTypes';
import { ParserThreadUnavailableError, readSourceInParserThread } from './readSourceInParserThread';
import { readRppsExtract } from './readRppsExtract';
import { stageOnThisThread, type StagedBatch, type StagedSourceReader } from './toStagedBatch';

const dir = mkdtempSync(join(tmpdir(), 'guichet-parser-thread-'));

function writeExtract(name: string, professionals: number): FileSourceConfig {
  const path = join(dir, name);
  const lines = [formatRppsExtractLine('header')];
  for (let index = 1; index <= professionals; index += 1) {
    const rpps = appendRppsCheckDigit(String(1_000_000_000 + index));
    const row = { "Type d'identifiant PP": '8', 'Identifiant PP': rpps, "Nom d'exercice": `NOM${index}`, "Prénom d'exercice": 'Élise', 'Code profession': '60', 'Numéro FINESS site': '750000001' };
    lines.push(formatRppsExtractLine(row));
    if (index % 3 === 0) lines.push(formatRppsExtractLine({ ...row, 'Numéro FINESS site': '990000011' }));
  }
  lines.push('1|bad line|', '');
  writeFileSync(path, lines.join('\n'));
  return { id: 'rpps', kind: 'rpps-extract', role: 'register', path, maxRemovalShare: 0.1 } as FileSourceConfig;
}

async function readAll(reader: StagedSourceReader): Promise<StagedBatch & { batches: number }> {
  const all = { rows: [] as StagedBatch['rows'], rejected: [] as StagedBatch['rejected'], rowsRead: 0, bytesRead: 0, batches: 0 };
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
    expect(fromThread.rejected).toEqual([{ line: 16_002, reason: 'expected 56 columns each ended by "|", found 2 separators' }]);
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
