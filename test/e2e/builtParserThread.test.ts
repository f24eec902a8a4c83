import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { formatRppsExtractLine } from '../../src/core/import/formatRppsExtractLine';
import type { ParserThreadMessage } from '../../src/core/import/readSourceInParserThread';
import { appendRppsCheckDigit } from '../../src/shared/identifiers/rpps';

const projectRoot = join(import.meta.dirname, '..', '..');

describe('the built parser thread', () => {
  // The Electron app looks for it next to its main bundle, under this name: the build must make it.
  it('runs from out/main/runSourceParserThread.js and parses a register extract', { timeout: 30_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'guichet-built-thread-'));
    const path = join(dir, 'extract.txt');
    const rows = Array.from({ length: 50 }, (_, index) =>
      formatRppsExtractLine({ "Type d'identifiant PP": '8', 'Identifiant PP': appendRppsCheckDigit(String(1_000_000_100 + index)), "Nom d'exercice": 'NOËL', "Prénom d'exercice": 'Anaïs' }),
    );
    writeFileSync(path, [formatRppsExtractLine('header'), ...rows, ''].join('\n'));
    const worker = new Worker(join(projectRoot, 'out', 'main', 'runSourceParserThread.js'), {
      workerData: { source: { id: 'rpps', kind: 'rpps-extract', role: 'register', path, maxRemovalShare: 0.1 } },
    });
    const staged: unknown[][] = [];
    await new Promise<void>((resolve, reject) => {
      worker.on('error', reject);
      worker.on('message', (message: ParserThreadMessage) => {
        if (message.type === 'opened') worker.postMessage({ batches: 10 });
        if (message.type === 'batch') staged.push(...message.batch.rows);
        if (message.type === 'failed') reject(new Error(message.message));
        if (message.type === 'end') resolve();
      });
    });
    await worker.terminate();
    expect(staged).toHaveLength(50);
    expect(staged[0]).toEqual(expect.arrayContaining([appendRppsCheckDigit('1000000100'), 2, 'NOËL', 'Anaïs']));
  });
});
