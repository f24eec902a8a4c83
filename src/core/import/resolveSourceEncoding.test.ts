import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveBufferEncoding, resolveSourceEncoding } from './resolveSourceEncoding';

const dir = mkdtempSync(join(tmpdir(), 'guichet-encoding-'));
const write = (name: string, bytes: Buffer): string => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};
const utf8Names = Buffer.from(Array.from({ length: 50 }, (_, index) => `CHLOÉ ${index}`).join('\n'));

describe('resolveSourceEncoding', () => {
  it('decides once per file: BOM first, then the declaration, then a whole-file sniff', async () => {
    const bom = write('bom.txt', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([0x43, 0x8c])]));
    expect(await resolveSourceEncoding(bom, 'windows-1252')).toBe('utf-8');
    const plain = write('plain.txt', Buffer.from('ascii\n'));
    expect(await resolveSourceEncoding(plain, 'latin1')).toBe('iso-8859-1');
    expect(await resolveSourceEncoding(plain, undefined)).toBe('utf-8');
    // Windows-1252 only on the last line of a long ASCII file: the sniff reads the whole file.
    const late = write('late.txt', Buffer.concat([Buffer.from('x\n'.repeat(3_000_000)), Buffer.from([0x43, 0x8c, 0x55, 0x52])]));
    expect(await resolveSourceEncoding(late, undefined)).toBe('windows-1252');
  });

  it('keeps UTF-8 for a UTF-8 file with a stray byte (its line is reported later), Windows-1252 for a Windows-1252 file', async () => {
    const stray = Buffer.concat([Buffer.from('a\nb\nc\n'), Buffer.from([0x44, 0xff, 0x0a]), utf8Names]);
    expect(await resolveSourceEncoding(write('stray.txt', stray), undefined)).toBe('utf-8');
    expect(resolveBufferEncoding(stray, undefined, 'stray.txt')).toBe('utf-8');
    const cp1252 = Buffer.from(Array.from({ length: 50 }, (_, index) => `CHLOÉ ${index}`).join('\n'), 'latin1');
    expect(await resolveSourceEncoding(write('cp1252.txt', cp1252), undefined)).toBe('windows-1252');
    expect(resolveBufferEncoding(cp1252, undefined, 'cp1252.txt')).toBe('windows-1252');
  });

  it('refuses a UTF-16 file and an unreadable path with a clear reason', async () => {
    await expect(resolveSourceEncoding(write('utf16.txt', Buffer.from([0xfe, 0xff, 0x00, 0x41])), undefined)).rejects.toThrow(/UTF-16/);
    await expect(resolveSourceEncoding(join(dir, 'absent.txt'), 'utf-8')).rejects.toThrow(/cannot read .*absent\.txt/);
  });
});
