import { describe, expect, it } from 'vitest';
import { createEnrollmentDeskStore } from './enrollmentDeskStore';

describe('enrollment desk store', () => {
  it('follows the reader where a new card is presented; a card naming someone else replaces the previous customer', () => {
    const store = createEnrollmentDeskStore();
    store.setReader('Lecteur (contact)');
    store.select('robert-sandrine');
    store.setQuery('robert');
    store.cardPresented('Lecteur (sans contact)', '04AA');
    expect(store.get()).toMatchObject({ reader: 'Lecteur (sans contact)', selected: 'robert-sandrine' });
    store.applyLookup('04AA', { holderId: 'holder-of-04AA', isCps: false });
    expect(store.get()).toMatchObject({ selected: 'holder-of-04AA', query: '' });
    // The same card looked up again (after an act) keeps the person the agent chose meanwhile.
    store.select('someone-chosen');
    store.cardPresented('Lecteur (sans contact)', '04AA');
    store.applyLookup('04AA', { holderId: 'holder-of-04AA', isCps: false });
    expect(store.get().selected).toBe('someone-chosen');
  });

  it('keeps the customer for a blank badge (to bind or replace) and clears them for a CPS naming nobody yet', () => {
    const store = createEnrollmentDeskStore();
    store.select('customer');
    store.cardPresented('Lecteur (sans contact)', '04BLANK');
    store.applyLookup('04BLANK', { holderId: null, isCps: false });
    expect(store.get().selected).toBe('customer');
    store.cardPresented('Lecteur (contact)', 'CPS-UNKNOWN-RPPS');
    store.applyLookup('CPS-UNKNOWN-RPPS', { holderId: null, isCps: true });
    expect(store.get().selected).toBeNull();
  });

  it('does not follow the second agent’s card while a four-eyes form is open', () => {
    const store = createEnrollmentDeskStore();
    store.cardPresented('Lecteur (sans contact)', '04AA');
    store.select('customer');
    const resume = store.pauseFollowing();
    store.cardPresented('Lecteur (contact)', 'CPS-SECOND');
    expect(store.get()).toMatchObject({ reader: 'Lecteur (sans contact)', selected: 'customer' });
    resume();
    resume();
    store.cardPresented('Lecteur (contact)', 'CPS-OTHER');
    store.applyLookup('CPS-OTHER', { holderId: 'other', isCps: true });
    expect(store.get()).toMatchObject({ reader: 'Lecteur (contact)', selected: 'other' });
  });

  it('notifies subscribers and keeps state between subscriptions (screens come and go)', () => {
    const store = createEnrollmentDeskStore();
    let calls = 0;
    const off = store.subscribe(() => (calls += 1));
    store.select('a');
    off();
    store.select('b');
    expect(calls).toBe(1);
    expect(store.get().selected).toBe('b');
  });

  it('follows a card presented while the desk was not listening, once; a card taken out and presented again is news again', () => {
    const store = createEnrollmentDeskStore();
    store.setReader('Lecteur (contact)');
    store.select('previous-customer');
    store.noticeCards([{ reader: 'Lecteur (sans contact)', cardKey: '04AA' }]);
    expect(store.get()).toMatchObject({ reader: 'Lecteur (sans contact)', freshCard: '04AA' });
    store.applyLookup('04AA', { holderId: 'holder-of-04AA', isCps: false });
    // The agent goes back to the contact reader: the same badge still lying there is not followed again.
    store.setReader('Lecteur (contact)');
    store.noticeCards([{ reader: 'Lecteur (sans contact)', cardKey: '04AA' }]);
    expect(store.get().reader).toBe('Lecteur (contact)');
    store.noticeCards([]);
    store.noticeCards([{ reader: 'Lecteur (sans contact)', cardKey: '04AA' }]);
    expect(store.get().reader).toBe('Lecteur (sans contact)');
    // A second agent's CPS during a four-eyes confirmation is never followed, even later.
    store.setReader('Lecteur (sans contact)');
    const resume = store.pauseFollowing();
    store.noticeCards([{ reader: 'Lecteur (sans contact)', cardKey: '04AA' }, { reader: 'Lecteur (contact)', cardKey: 'CPS-SECOND-AGENT' }]);
    resume();
    store.noticeCards([{ reader: 'Lecteur (sans contact)', cardKey: '04AA' }, { reader: 'Lecteur (contact)', cardKey: 'CPS-SECOND-AGENT' }]);
    expect(store.get().reader).toBe('Lecteur (sans contact)');
  });
});
