import { describe, expect, it } from 'vitest';
import { formatPersonName, isSearchableQuery } from './formatPerson';

describe('formatPerson', () => {
  it('shows the birth name only when it differs', () => {
    expect(formatPersonName({ lastName: 'Dupont', firstName: 'Anne', birthName: 'MARTIN' })).toBe('DUPONT Anne (MARTIN)');
    expect(formatPersonName({ lastName: 'Dupont', firstName: 'Anne', birthName: 'dupont' })).toBe('DUPONT Anne');
    expect(formatPersonName({ lastName: 'Dupont', firstName: 'Anne', birthName: null })).toBe('DUPONT Anne');
  });

  it('waits for two characters before searching', () => {
    expect(isSearchableQuery(' a ')).toBe(false);
    expect(isSearchableQuery('du')).toBe(true);
  });
});

describe('formatPersonName without a name', () => {
  it('shows a matricule-only HR row by its matricule instead of an empty, unclickable line', () => {
    expect(formatPersonName({ lastName: '', firstName: '', birthName: null, hrId: 'M004512', rpps: null })).toBe('— M004512');
    expect(formatPersonName({ lastName: ' ', firstName: '', birthName: null })).toBe('—');
  });
});
