import { z } from 'zod';
import { defineEvent, defineMethod } from './defineContract';

export interface DeskStatus {
  appVersion: string;
  transport: 'electron' | 'browser';
  establishmentName: string;
  /** True when the directory is the generated demo hospital. */
  demoDirectory: boolean;
  /** `demo`: started with `--demo` (demo directory, simulated readers, the DÉMONSTRATION banner). */
  mode: 'demo' | 'production';
  /** First start without `--demo` and without configuration: the setup screen comes first. */
  setupNeeded: boolean;
  counts: { identities: number; sourceRecords: number; sources: number };
}

/** A production desk's own settings, chosen on the setup screen (`desk-settings.json` in the data folder). */
export interface DeskSettings {
  /** The sources configuration the Sources screen imports from. */
  sourcesConfigPath: string;
  /** Real readers through PC/SC (simulated readers exist only in demo mode). */
  cardReaders: 'pcsc';
  /** The reader where agents keep their own card (null: the first reader by name). */
  agentReader: string | null;
}

export interface DeskSetupView {
  setupNeeded: boolean;
  /** What would be saved if the screen is confirmed as is. */
  proposed: DeskSettings;
  /** Readers attached now (to pick the agent reader). */
  readers: string[];
}

const filePath = z.string().trim().min(1, 'path is empty').max(1000).refine((path) => !path.includes('\0'), 'path contains a NUL character');

export const statusMethods = {
  getDeskStatus: defineMethod<DeskStatus>()(z.object({}).strict(), { access: 'public' }),
  /** Public: at first start nobody can log in yet; it shows paths and reader names only. */
  getDeskSetup: defineMethod<DeskSetupView>()(z.object({}).strict(), { access: 'public' }),
  /** Public only while the desk is unconfigured (first start): afterwards it is refused. */
  saveDeskSetup: defineMethod<DeskSettings>()(
    z
      .object({
        sourcesConfigPath: filePath,
        cardReaders: z.literal('pcsc'),
        agentReader: z.string().trim().min(1).max(200).nullable(),
      })
      .strict(),
    { access: 'public' },
  ),
};

export const statusEvents = {
  directoryChanged: defineEvent<{ reason: string }>(),
};
