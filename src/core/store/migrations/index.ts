import { createDirectory } from './0010-create-directory';
import { createAgents } from './0020-create-agents';
import type { Migration } from './types';

/** Every schema change, in order. Append only; never edit a released migration. */
export const migrations: readonly Migration[] = [createDirectory, createAgents];

export type { Migration } from './types';
