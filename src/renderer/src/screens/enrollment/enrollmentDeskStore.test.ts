import { describe, expect, it } from 'vitest';
import { createEnrollmentDeskStore } from './enrollmentDeskStore';

describe('enrollment desk store', () => {
  it('follows the reader where a new card is presented and drops the previous customer', () => {
    const store = createEnrollmentDeskStore();
    store.setReader('Lecteur (contact)');
    store.select('robert-sandrine');
    store.setQuery('robert');
    store.cardPresented('Lecteur (sans contact)', '04AA');
    expect(store.get()).toMatchObject({ reader: 'Lecteur (sans contact)', selected: null, query: '' });
    store.select('holder-of-04AA');
    // The same card read again (a look-up refresh) keeps the person chosen.
    store.cardPresented('Lecteur (sans contact)', '04AA');
    expect(store.get().selected).toBe('holder-of-04AA');
    store.cardPresented('Lecteur (sans contact)', '04BB');
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
    expect(store.get()).toMatchObject({ reader: 'Lecteur (contact)', selected: null });
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
});
