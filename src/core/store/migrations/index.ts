import { createDirectory } from './0010-create-directory';
import { createAgents } from './0020-create-agents';
import { createMie } from './0100-create-mie';
import { createJournal } from './0110-create-journal';
import type { Migration } from './types';

/** Every schema change, in order. Append only; never edit a released migration. */
export const migrations: readonly Migration[] = [createDirectory, createAgents, createMie, createJournal];

export type { Migration } from './types';
