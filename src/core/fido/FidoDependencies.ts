import type Database from 'better-sqlite3';
import type { Clock } from '../clock';
import type { FidoSettings } from './FidoSettings';

/** What every FIDO ceremony needs. */
export interface FidoDependencies {
  db: Database.Database;
  clock: Clock;
  settings: FidoSettings;
}

/** A sponsor who authenticated at this desk for one enrollee (kept per connection, short-lived). */
export interface VerifiedSponsor {
  sponsorId: string;
  sponsorName: string;
  enrolleeId: string;
  /** How the sponsor authenticated: their FIDO key (credential id) or their CPS with PIN (card serial). */
  method: 'fido' | 'cps';
  means: string;
  agentId: string | null;
  verifiedAt: string;
}

/** What a backup key carries from its registration to its activation. */
export interface PendingSponsorship {
  sponsorId: string;
  method: 'fido' | 'cps';
  means: string;
  document: { type: string; lastChars: string };
}
