import { useSyncExternalStore } from 'react';

/** What the enrollment desk shows; kept outside the screen so that switching screens loses nothing. */
export interface EnrollmentDeskState {
  /** The customer's reader the desk follows. */
  reader: string;
  /** The person on the right-hand side. */
  selected: string | null;
  query: string;
  /** The last card presented (reader + card), so that the same card again changes nothing. */
  lastCard: string | null;
  /** A card just presented whose look-up has not been applied yet (see `takeFreshCard`). */
  freshCard: string | null;
}

export interface EnrollmentDeskStore {
  get(): EnrollmentDeskState;
  subscribe(listener: () => void): () => void;
  setReader(reader: string): void;
  select(identityId: string | null): void;
  setQuery(query: string): void;
  /**
   * A card was just presented in `reader` (never the agent's own): the desk follows that reader.
   * Ignored while a second agent confirms an act: their CPS is not a customer's card.
   */
  cardPresented(reader: string, cardKey: string): void;
  /**
   * The cards now in the customer's readers: one the desk never saw (presented while another
   * screen was shown, or before the desk had subscribed) is followed as if just presented.
   */
  noticeCards(present: readonly { reader: string; cardKey: string }[]): void;
  /**
   * The look-up of the card in the followed reader came back: a new card that names someone (its
   * holder, a CPS's RPPS holder) replaces the previous customer; a new CPS naming nobody yet clears
   * them (its candidates are shown); a blank badge keeps them (it is for them: bind or replace).
   * A look-up refresh of the same card never overrides the agent's choice, except to fill an empty desk.
   */
  applyLookup(cardKey: string, lookup: { holderId: string | null; isCps: boolean }): void;
  /** While a four-eyes form is open, cards presented are the second agent's: not followed. */
  pauseFollowing(): () => void;
  reset(): void;
}

const initial: EnrollmentDeskState = { reader: '', selected: null, query: '', lastCard: null, freshCard: null };

export function createEnrollmentDeskStore(): EnrollmentDeskStore {
  let state = initial;
  let paused = 0;
  // Cards (reader|card) the desk has already followed or let pass: not followed again on a re-render.
  let seenCards = new Set<string>();
  const listeners = new Set<() => void>();
  const set = (next: Partial<EnrollmentDeskState>) => {
    state = { ...state, ...next };
    for (const listener of listeners) listener();
  };
  const cardPresented = (reader: string, cardKey: string): void => {
    const key = `${reader}|${cardKey}`;
    seenCards.add(key);
    if (paused > 0) return;
    if (key === state.lastCard) {
      if (reader !== state.reader) set({ reader });
      return;
    }
    set({ reader, lastCard: key, freshCard: cardKey });
  };
  return {
    get: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setReader: (reader) => set({ reader }),
    select: (selected) => set({ selected }),
    setQuery: (query) => set({ query }),
    cardPresented,
    noticeCards(present) {
      const keys = present.map(({ reader, cardKey }) => `${reader}|${cardKey}`);
      const unseen = present.filter((_, index) => !seenCards.has(keys[index]!));
      // A card taken out and presented again is news again.
      seenCards = new Set(keys.filter((key) => seenCards.has(key)));
      for (const { reader, cardKey } of unseen) cardPresented(reader, cardKey);
    },
    applyLookup(cardKey, { holderId, isCps }) {
      const fresh = state.freshCard === cardKey;
      if (fresh) state = { ...state, freshCard: null };
      if (holderId !== null && (fresh || state.selected === null)) set({ selected: holderId, query: fresh ? '' : state.query });
      else if (holderId === null && fresh && isCps) set({ selected: null, query: '' });
      else if (fresh) set({});
    },
    pauseFollowing() {
      paused += 1;
      let resumed = false;
      return () => {
        if (resumed) return;
        resumed = true;
        paused -= 1;
      };
    },
    reset: () => {
      seenCards = new Set();
      set(initial);
    },
  };
}

/** The desk of this window (one per renderer): survives screen switches, not a reload. */
export const enrollmentDeskStore = createEnrollmentDeskStore();

export function useEnrollmentDesk(store: EnrollmentDeskStore = enrollmentDeskStore): EnrollmentDeskState {
  return useSyncExternalStore(store.subscribe, store.get);
}
