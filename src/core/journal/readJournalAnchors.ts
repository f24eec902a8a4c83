import { readFileSync } from 'node:fs';
import type { JournalAnchor } from './JournalAnchor';

export type AnchorReading = { ok: true; anchors: JournalAnchor[] } | { ok: false; line: number; message: string };

/** The anchors of an anchor file (one JSON object per line); a missing file has none, a malformed line is an error. */
export function readJournalAnchors(path: string): AnchorReading {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, anchors: [] };
    throw error;
  }
  const anchors: JournalAnchor[] = [];
  const lines = text.split('\n');
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      return { ok: false, line: index + 1, message: `anchor line ${index + 1} is not JSON` };
    }
    const { entries, lastHash, at, mac } = (value ?? {}) as Record<string, unknown>;
    if (!Number.isSafeInteger(entries) || (entries as number) < 0 || typeof lastHash !== 'string' || !/^[0-9a-f]{64}$/.test(lastHash) || typeof at !== 'string' || (mac !== null && typeof mac !== 'string')) {
      return { ok: false, line: index + 1, message: `anchor line ${index + 1} is not an anchor {entries, lastHash, at, mac}` };
    }
    anchors.push({ entries: entries as number, lastHash, at, mac: mac as string | null });
  }
  return { ok: true, anchors };
}
