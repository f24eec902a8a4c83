import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DeskSettings } from '../../shared/api/status.contract';
import { deskSettingsFileName } from './readDeskSettings';

/** Writes the settings file atomically (a temporary file renamed over it), readable by its owner only. */
export function saveDeskSettings(dataDir: string, settings: DeskSettings): void {
  const path = join(dataDir, deskSettingsFileName);
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(settings, null, 2)}\n`, { encoding: 'utf8', mode: 0o600 });
  renameSync(temporary, path);
}
