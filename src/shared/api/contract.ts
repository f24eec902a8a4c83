import type {
  AnyEventSpec,
  AnyMethodSpec,
  EventPayload,
  MethodInput,
  MethodOutput,
} from './defineContract';
import { cardsEvents, cardsMethods } from './cards.contract';
import { directoryMethods } from './directory.contract';
import { enrollmentEvents, enrollmentMethods } from './enrollment.contract';
import { sourcesEvents, sourcesMethods } from './sources.contract';
import { fidoEvents, fidoMethods } from './fido.contract';
import { indicatorsMethods } from './indicators.contract';
import { journalMethods } from './journal.contract';
import { nightDeskEvents, nightDeskMethods } from './nightdesk.contract';
import { reconcileEvents, reconcileMethods } from './reconcile.contract';
import { scimEvents, scimMethods } from './scim.contract';
import { statusEvents, statusMethods } from './status.contract';
import { workQueueMethods } from './workqueue.contract';

/**
 * The desk API: every call the renderer (or the CLI) can make, by feature. One line per feature;
 * the transports, the preload and the dispatcher are all derived from these two objects.
 */
export const deskMethods = {
  ...statusMethods,
  ...directoryMethods,
  ...cardsMethods,
  ...enrollmentMethods,
  ...sourcesMethods,
  ...fidoMethods,
  ...nightDeskMethods,
  ...reconcileMethods,
  ...workQueueMethods,
  ...indicatorsMethods,
  ...scimMethods,
  ...journalMethods,
} satisfies Record<string, AnyMethodSpec>;

export const deskEvents = {
  ...statusEvents,
  ...cardsEvents,
  ...enrollmentEvents,
  ...sourcesEvents,
  ...fidoEvents,
  ...nightDeskEvents,
  ...reconcileEvents,
  ...scimEvents,
} satisfies Record<string, AnyEventSpec>;

export type DeskMethods = typeof deskMethods;
export type DeskMethodName = keyof DeskMethods;
export type DeskEvents = typeof deskEvents;
export type DeskEventName = keyof DeskEvents;

export const deskMethodNames = Object.keys(deskMethods) as DeskMethodName[];
export const deskEventNames = Object.keys(deskEvents) as DeskEventName[];

/** What the renderer calls: one async function per method; failures throw `DeskError`. */
export type DeskApi = {
  [K in DeskMethodName]: (input: MethodInput<DeskMethods[K]>) => Promise<MethodOutput<DeskMethods[K]>>;
};

export type DeskEventListener<K extends DeskEventName> = (payload: EventPayload<DeskEvents[K]>) => void;

/** A client: the API plus event subscription (returns an unsubscribe function). */
export interface DeskClient {
  api: DeskApi;
  on<K extends DeskEventName>(event: K, listener: DeskEventListener<K>): () => void;
}

export function isDeskMethodName(name: unknown): name is DeskMethodName {
  return typeof name === 'string' && Object.hasOwn(deskMethods, name);
}

export function isDeskEventName(name: unknown): name is DeskEventName {
  return typeof name === 'string' && Object.hasOwn(deskEvents, name);
}
