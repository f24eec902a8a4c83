import type Database from 'better-sqlite3';
import type { Clock } from '../clock';
import type { SourcesConfig } from '../sources/parseSourcesConfig';
import { beginSourceImport } from './beginSourceImport';
import { SourceUnreadableError } from './importTypes';
import { addToImportReport, type ImportReport } from './addToImportReport';
import { readKnownNames, splitsFullNamesByKnownNames } from './readKnownNames';
import { readSourceFileSync } from './readSourceFileSync';
import { saveEstablishment } from './saveEstablishment';
import { toStagedBatch } from './toStagedBatch';

/**
 * `importSources` for small local files, synchronously: same parsers, same staged and atomic
 * apply, same report. Only the desk's first start uses it (the composition root is synchronous and
 * the demo files are a few hundred kilobytes); everything else streams with `importSources`.
 */
export function importSourceFilesSync(db: Database.Database, { config, clock }: { config: SourcesConfig; clock: Clock }): ImportReport {
  saveEstablishment(db, config.establishment);
  const report: ImportReport = { sources: {}, errors: [], warnings: [], ok: true };
  for (const source of config.sources) {
    if (source.kind === 'ldap' || source.kind === 'scim') throw new Error(`source "${source.id}" is a live ${source.kind === 'ldap' ? 'LDAP directory' : 'SCIM service'}: expected local files only`);
    let read: ReturnType<typeof readSourceFileSync> | null = null;
    let failure: string | null = null;
    try {
      const knownNames = splitsFullNamesByKnownNames(source) ? readKnownNames(db, { exceptSourceId: source.id }) : undefined;
      read = readSourceFileSync(source, knownNames === undefined ? {} : { knownNames });
    } catch (error) {
      if (!(error instanceof SourceUnreadableError)) throw error;
      failure = error.message;
    }
    const run = beginSourceImport(db, { source, foldsDuplicates: read?.foldsDuplicates ?? false, clock });
    try {
      if (read !== null) run.stage(toStagedBatch(read.batch), read.batch.bytesRead);
      addToImportReport(report, read === null ? run.fail(failure!) : run.finish());
    } finally {
      run.dispose();
    }
  }
  return report;
}
