import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFileLines } from './readFileLines';

const dir = mkdtempSync(join(tmpdir(), 'guichet-lines-'));

async function collect(path: string, chunkBytes: number) {
  const lines: string[] = [];
  let encoding = '';
  for await (const batch of readFileLines(path, { chunkBytes })) {
    lines.push(...batch.lines.map((line) => `${line.number}:${line.text}`));
    encoding = batch.encoding;
  }
  return { lines, encoding };
}

describe('readFileLines', () => {
  it('never cuts a multi-byte character across chunks and strips the BOM and CR', async () => {
    const path = join(dir, 'utf8.txt');
    writeFileSync(path, '\uFEFFÉloïse\r\nŒuvre €\n\nlast');
    for (const chunkBytes of [1, 2, 3, 7, 1024]) {
      expect(await collect(path, chunkBytes)).toEqual({ lines: ['1:Éloïse', '2:Œuvre €', '3:', '4:last'], encoding: 'utf-8' });
    }
  });

  it('switches to Windows-1252 at the first line that is not UTF-8', async () => {
    const path = join(dir, 'cp1252.txt');
    writeFileSync(path, Buffer.concat([Buffer.from('ascii only\n'), Buffer.from([0x43, 0x8c, 0x55, 0x52, 0x0a, 0x80, 0x20, 0xe9])]));
    for (const chunkBytes of [3, 1024]) {
      expect(await collect(path, chunkBytes)).toEqual({ lines: ['1:ascii only', '2:CŒUR', '3:€ é'], encoding: 'windows-1252' });
    }
  });
});
