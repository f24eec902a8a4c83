import type Database from 'better-sqlite3';

export interface Migration {
  /** Schema version after this migration; numbered in steps of 10. */
  version: number;
  name: string;
  up(db: Database.Database): void;
}
