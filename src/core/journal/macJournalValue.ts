import { createHmac } from 'node:crypto';

/** HMAC-SHA256 of a journal value (an entry's hash, the head, an anchor), labeled so one cannot stand for another. */
export function macJournalValue(key: Buffer, label: 'entry' | 'head' | 'anchor', parts: readonly (string | number)[]): string {
  return createHmac('sha256', key).update([label, ...parts].join('\n'), 'utf8').digest('hex');
}
