import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LineEncoding } from './createLineDecoder';
import { readFileLines } from './readFileLines';

const dir = mkdtempSync(join(tmpdir(), 'guichet-lines-'));

async function collect(path: string, chunkBytes: number, encoding?: LineEncoding) {
  const lines: string[] = [];
  for await (const batch of readFileLines(path, { chunkBytes, ...(encoding === undefined ? {} : { encoding }) })) {
    lines.push(...batch.lines.map((line) => `${line.number}:${line.text}${line.undecodable ? ' (undecodable)' : ''}`));
  }
  return lines;
}

describe('readFileLines', () => {
  it('never cuts a multi-byte character across chunks and strips the BOM and CR', async () => {
    const path = join(dir, 'utf8.txt');
    writeFileSync(path, '\uFEFFÉloïse\r\nŒuvre €\n\nlast');
    for (const chunkBytes of [1, 2, 3, 7, 1024]) {
      expect(await collect(path, chunkBytes, 'utf-8')).toEqual(['1:Éloïse', '2:Œuvre €', '3:', '4:last']);
    }
  });

  it('decides per line without a declared encoding: one Windows-1252 line does not change the next ones', async () => {
    const path = join(dir, 'mixed.txt');
    writeFileSync(path, Buffer.concat([Buffer.from('ascii only\n'), Buffer.from([0x43, 0x8c, 0x55, 0x52, 0x0a]), Buffer.from('CHLOÉ\n'), Buffer.from([0x80, 0x20, 0xe9])]));
    for (const chunkBytes of [3, 1024]) {
      expect(await collect(path, chunkBytes)).toEqual(['1:ascii only', '2:CŒUR', '3:CHLOÉ', '4:€ é']);
    }
  });

  it('flags a line with invalid bytes in a UTF-8 file and reads every later line as UTF-8', async () => {
    const path = join(dir, 'stray.txt');
    const names = Array.from({ length: 40 }, (_, index) => `CHLOÉ ${index}`);
    writeFileSync(path, Buffer.concat([Buffer.from('a\nb\nc\n'), Buffer.from([0x44, 0xff, 0x0a]), Buffer.from(names.join('\n'))]));
    for (const chunkBytes of [5, 1 << 20]) {
      const lines = await collect(path, chunkBytes, 'utf-8');
      expect(lines.slice(0, 4)).toEqual(['1:a', '2:b', '3:c', '4:D\uFFFD (undecodable)']);
      expect(lines.slice(4)).toEqual(names.map((name, index) => `${index + 5}:${name}`));
    }
  });

  it('reads Windows-1252 and ISO-8859-1 files as declared', async () => {
    const path = join(dir, 'cp1252.txt');
    writeFileSync(path, Buffer.from([0x43, 0x8c, 0x55, 0x52, 0x0a, 0x80, 0x20, 0xe9]));
    expect(await collect(path, 3, 'windows-1252')).toEqual(['1:CŒUR', '2:€ é']);
    expect(await collect(path, 1024, 'iso-8859-1')).toEqual(['1:C\u008cUR', '2:\u0080 é']);
  });
});
