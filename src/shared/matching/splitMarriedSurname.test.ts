import { describe, expect, it } from 'vitest';
import { splitMarriedSurname } from './splitMarriedSurname';

describe('splitMarriedSurname', () => {
  it('reads the birth name first before épouse, ép., epse, veuve', () => {
    expect(splitMarriedSurname('HOARAU épouse PAYET')).toEqual({ usage: 'PAYET', birth: 'HOARAU' });
    expect(splitMarriedSurname('Hoarau ép. Payet')).toEqual({ usage: 'PAYET', birth: 'HOARAU' });
    expect(splitMarriedSurname('HOARAU EPSE PAYET')).toEqual({ usage: 'PAYET', birth: 'HOARAU' });
    expect(splitMarriedSurname('GRONDIN veuve TECHER')).toEqual({ usage: 'TECHER', birth: 'GRONDIN' });
  });

  it('reads the usage name first before née', () => {
    expect(splitMarriedSurname('PAYET née HOARAU')).toEqual({ usage: 'PAYET', birth: 'HOARAU' });
    expect(splitMarriedSurname('Martin nee Dupont')).toEqual({ usage: 'MARTIN', birth: 'DUPONT' });
  });

  it('keeps compound names and drops particles on each side', () => {
    expect(splitMarriedSurname('DE LA FONTAINE épouse AH-SING')).toEqual({ usage: 'AH SING', birth: 'FONTAINE' });
    expect(splitMarriedSurname('NARAYANIN PAYET née LE GALL')).toEqual({ usage: 'NARAYANIN PAYET', birth: 'GALL' });
  });

  it('leaves other surnames alone', () => {
    expect(splitMarriedSurname('PAYET')).toBeNull();
    expect(splitMarriedSurname('MARTIN DUPONT')).toBeNull();
    // A connector at either end joins nothing.
    expect(splitMarriedSurname('épouse PAYET')).toBeNull();
    expect(splitMarriedSurname('PAYET née')).toBeNull();
    expect(splitMarriedSurname('')).toBeNull();
    expect(splitMarriedSurname(undefined)).toBeNull();
  });
});
