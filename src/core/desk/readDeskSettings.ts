import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DeskSettings } from '../../shared/api/status.contract';

export const deskSettingsFileName = 'desk-settings.json';

/** The desk's settings file in the data folder, or null when the desk was never set up (or the file is unreadable). */
export function readDeskSettings(dataDir: string): DeskSettings | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(join(dataDir, deskSettingsFileName), 'utf8'));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { sourcesConfigPath, agentReader } = parsed as Record<string, unknown>;
  if (typeof sourcesConfigPath !== 'string' || sourcesConfigPath === '') return null;
  return { sourcesConfigPath, cardReaders: 'pcsc', agentReader: typeof agentReader === 'string' && agentReader !== '' ? agentReader : null };
}
