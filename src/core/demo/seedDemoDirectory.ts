import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { Clock } from '../clock';
import { importSourceFilesSync } from '../import/importSourceFilesSync';
import { reconcileDirectory } from '../reconcile/reconcileDirectory';
import { parseSourcesConfig } from '../sources/parseSourcesConfig';
import type { DemoHospital } from './generateDemoHospital';
import { writeDemoSourceFiles } from './writeDemoSourceFiles';

export interface SeedDemoDirectoryOptions {
  /** Where the demo's export files and `sources.json` stay (default: a temporary folder, removed). */
  sourcesDir?: string;
}

/**
 * Fills an empty database with the demo hospital: its systems' export files are written and
 * imported by the real importers, then the reconciliation engine builds the identities (anchored
 * on HR) and their explained links; doubtful links wait in the review queue.
 */
export function seedDemoDirectory(db: Database.Database, hospital: DemoHospital, clock: Clock, { sourcesDir }: SeedDemoDirectoryOptions = {}): void {
  const now = clock.now().toISOString();
  const dir = sourcesDir ?? mkdtempSync(join(tmpdir(), 'guichet-demo-sources-'));
  try {
    const configPath = writeDemoSourceFiles(dir, hospital);
    const parsed = parseSourcesConfig({ text: readFileSync(configPath, 'utf8'), configPath });
    if (!parsed.ok) throw new Error(`the demo sources configuration is invalid: ${parsed.errors.join('; ')}`);
    db.transaction(() => {
      const report = importSourceFilesSync(db, { config: parsed.config, clock });
      if (!report.ok || report.errors.length > 0) {
        throw new Error(`the demo sources did not import cleanly: ${report.errors.slice(0, 3).map((error) => `${error.source}:${error.line} ${error.reason}`).join('; ')}`);
      }
      db.prepare("INSERT OR REPLACE INTO settings (key, value_json) VALUES ('demoDirectory', 'true')").run();

      // Identities come from the reconciliation engine, exactly as for a real establishment.
      reconcileDirectory(db, { clock });
      const identityOfHrId = db.prepare('SELECT id FROM identities WHERE hr_id = ?').pluck();
      const insertAgent = db.prepare('INSERT INTO agents (identity_id, role, created_at) VALUES (?, ?, ?)');
      for (const agent of hospital.agents) insertAgent.run(identityOfHrId.get(agent.hrId), agent.role, now);
    }).immediate();
  } finally {
    if (sourcesDir === undefined) rmSync(dir, { recursive: true, force: true });
  }
}
