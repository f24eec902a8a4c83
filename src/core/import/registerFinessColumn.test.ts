import { describe, expect, it } from 'vitest';
import { mergeFinessColumns, splitFinessColumn, toFinessColumn } from './registerFinessColumn';

describe('registerFinessColumn', () => {
  it('writes each number between bars, so that one is found whole, never inside another', () => {
    expect(toFinessColumn(['990000011', '990000003'])).toBe('|990000011|990000003|');
    expect(toFinessColumn([])).toBe('');
    expect('|990000011|990000003|'.includes('|99000001|')).toBe(false);
    expect(splitFinessColumn('|990000011|990000003|')).toEqual(['990000011', '990000003']);
    expect(splitFinessColumn('')).toEqual([]);
    expect(splitFinessColumn(null)).toEqual([]);
  });

  it('folds two rows of one record: the earlier numbers first, each once', () => {
    expect(mergeFinessColumns('|990000011|990000003|', '|750000001|990000003|')).toBe('|990000011|990000003|750000001|');
    expect(mergeFinessColumns('', '|750000001|')).toBe('|750000001|');
    expect(mergeFinessColumns('', '')).toBe('');
    expect(mergeFinessColumns(null, null)).toBeNull();
  });
});
