import type { IndicatorContext } from './IndicatorDefinition';

/**
 * A source's present records: all its records (counted in its unique index) minus those an import
 * marked gone (their own small index), never a read of the rows. Kept until the directory changes.
 */
export function countPresentRecords(context: IndicatorContext, sourceId: string): number {
  return context.memo(`present:${sourceId}`, () => {
    const all = context.db.prepare('SELECT COUNT(*) FROM source_records WHERE source_id = ?').pluck().get(sourceId) as number;
    const absent = context.db.prepare('SELECT COUNT(*) FROM source_records WHERE source_id = ? AND present = 0').pluck().get(sourceId) as number;
    return all - absent;
  });
}
