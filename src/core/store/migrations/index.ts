import { createDirectory } from './0010-create-directory';
import { createAgents } from './0020-create-agents';
import { addImportChanges } from './0030-add-import-changes';
import { createReconcileDecisions } from './0060-create-reconcile-decisions';
import { createMie } from './0100-create-mie';
import { createJournal } from './0110-create-journal';
import { createFido } from './0150-create-fido';
import { createNightDesk } from './0180-create-night-desk';
import { createIdentitySearchWords } from './0190-create-identity-search-words';
import { dropRegisterActivities } from './0200-drop-register-activities';
import { addImportWarnings } from './0210-add-import-warnings';
import { allowInterruptedImportRuns } from './0220-allow-interrupted-import-runs';
import { addLinkProbability } from './0240-add-link-probability';
import { indexPresentRecords } from './0270-index-present-records';
import { addJournalMacs } from './0300-add-journal-macs';
import { addRevokedMieStatus } from './0330-add-revoked-mie-status';
import { addLeaverReviewConfirmation } from './0340-add-leaver-review-confirmation';
import { createIndicatorSnapshots } from './0360-create-indicator-snapshots';
import { addAbsentRecordsIndex } from './0370-add-absent-records-index';
import { createIdentityDeskFacts } from './0380-create-identity-desk-facts';
import { createScimOutbox } from './0400-create-scim-outbox';
import { indexJournalFilters } from './0420-index-journal-filters';
import { createLinkAlternatives } from './0430-create-link-alternatives';
import { deferIdentitySearchWords } from './0440-defer-identity-search-words';
import { keepRegisterFiness } from './0450-keep-register-finess';
import type { Migration } from './types';

/** Every schema change, in order, one per line. Append only; never edit a released migration. */
export const migrations: readonly Migration[] = [
  createDirectory,
  createAgents,
  addImportChanges,
  createReconcileDecisions,
  createMie,
  createJournal,
  createFido,
  createNightDesk,
  createIdentitySearchWords,
  dropRegisterActivities,
  addImportWarnings,
  allowInterruptedImportRuns,
  addLinkProbability,
  indexPresentRecords,
  addJournalMacs,
  addRevokedMieStatus,
  addLeaverReviewConfirmation,
  createIndicatorSnapshots,
  addAbsentRecordsIndex,
  createIdentityDeskFacts,
  createScimOutbox,
  indexJournalFilters,
  createLinkAlternatives,
  deferIdentitySearchWords,
  keepRegisterFiness,
];

export type { Migration } from './types';
