import { describe, expect, it } from 'vitest';
import { collectGarbage } from './collectGarbage';

describe('collectGarbage', () => {
  it('frees what nothing references any more', () => {
    const holder: { garbage: { index: number; text: string }[] | null } = { garbage: Array.from({ length: 500_000 }, (_, index) => ({ index, text: `valeur ${index}` })) };
    const before = process.memoryUsage().heapUsed;
    expect(holder.garbage?.length).toBe(500_000);
    holder.garbage = null;
    collectGarbage();
    expect(process.memoryUsage().heapUsed).toBeLessThan(before - 20 * 1024 * 1024);
  });
});
