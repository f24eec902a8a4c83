import { z } from 'zod';
import { defineMethod } from './defineContract';

/** What waits for the badge office, in one list. */
export const workItemKinds = ['leaver-review', 'leaver-hold', 'regularization', 'temporary-not-returned', 'link-review', 'iam-conflict', 'rpps-conflict'] as const;
export type WorkItemKind = (typeof workItemKinds)[number];

/** The screen an item opens (with its person loaded when there is one). */
export type WorkItemScreen = 'desk' | 'nightdesk' | 'review' | 'iam';

export interface WorkItem {
  kind: WorkItemKind;
  /** Review, hold, task or issuance id; for link reviews, the count's key `links`. */
  id: string;
  identityId: string | null;
  personName: string | null;
  /** When the item appeared (ISO instant or date). */
  since: string;
  /** The day it should be settled by (leaver reviews: D+7). */
  dueOn: string | null;
  /** Past its due day (a D+7 review not settled, a temporary card not back after its end). */
  overdue: boolean;
  /** A short fact for the line, kept as data (dates, counts, card label); the screen words it. */
  facts: Record<string, string | number | null>;
  screen: WorkItemScreen;
}

export interface WorkQueue {
  items: WorkItem[];
  counts: Record<WorkItemKind, number>;
  /** Items past their due day, whatever their kind. */
  overdue: number;
  total: number;
}

export const workQueueMethods = {
  /** The badge office's "À traiter": leaver reviews and holds, regularizations, temporary cards not returned, link reviews, IAM refusals, RPPS the desk paired that HR gives to someone else. */
  getWorkQueue: defineMethod<WorkQueue>()(z.object({}).strict(), { access: 'mie.read', personalData: true }),
};
