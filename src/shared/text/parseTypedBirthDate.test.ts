import { describe, expect, it } from 'vitest';
import { parseTypedBirthDate } from './parseTypedBirthDate';

const today = '2026-12-03';

describe('parseTypedBirthDate', () => {
  it.each([
    ['12/04/1980', '1980-04-12'],
    ['12-04-1980', '1980-04-12'],
    ['12.04.1980', '1980-04-12'],
    ['1/2/1975', '1975-02-01'],
    ['12041980', '1980-04-12'],
    [' 29/02/2000 ', '2000-02-29'],
    ['1980-04-12', '1980-04-12'],
  ])('reads %s day first as %s', (text, iso) => {
    expect(parseTypedBirthDate(text, today)).toEqual({ ok: true, iso });
  });

  it.each([
    ['31/02/1980', 'impossible'],
    ['29/02/2001', 'impossible'],
    ['12/13/1980', 'impossible'],
    ['00/01/1980', 'impossible'],
    ['04/12/2030', 'future'],
    ['01/01/1850', 'too-old'],
    ['12/04/80', 'format'],
    ['avril 1980', 'format'],
    ['', 'format'],
  ])('refuses %s (%s)', (text, reason) => {
    expect(parseTypedBirthDate(text, today)).toEqual({ ok: false, reason });
  });
});
