import { z } from 'zod';
import { defineEvent, defineMethod } from './defineContract';

export interface DeskStatus {
  appVersion: string;
  transport: 'electron' | 'browser';
  establishmentName: string;
  /** True when the directory is the generated demo hospital. */
  demoDirectory: boolean;
  counts: { identities: number; sourceRecords: number; sources: number };
}

export const statusMethods = {
  getDeskStatus: defineMethod<DeskStatus>()(z.object({}).strict(), { access: 'public' }),
};

export const statusEvents = {
  directoryChanged: defineEvent<{ reason: string }>(),
};
