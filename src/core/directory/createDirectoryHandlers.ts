import type Database from 'better-sqlite3';
import type { DeskHandlers } from '../../shared/api/dispatch';
import { getPerson } from './getPerson';
import { searchPeople } from './searchPeople';

export function createDirectoryHandlers(db: Database.Database): Pick<DeskHandlers, 'searchPeople' | 'getPerson'> {
  return {
    searchPeople: (input) => searchPeople(db, input),
    getPerson: (input) => getPerson(db, input.identityId),
  };
}
