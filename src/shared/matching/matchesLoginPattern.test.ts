import { describe, expect, it } from 'vitest';
import { matchesLoginPattern } from './matchesLoginPattern';

describe('matchesLoginPattern', () => {
  it.each([
    ['jean.dupont', ['JEAN'], ['DUPONT']],
    ['jdupont', ['JEAN'], ['DUPONT']],
    ['jdupont2', ['JEAN'], ['DUPONT']],
    ['dupont.jean', ['JEAN'], ['DUPONT']],
    ['dupontj', ['JEAN'], ['DUPONT']],
    ['dupont_jea', ['JEAN'], ['DUPONT']],
    ['jpdupont', ['JEAN', 'PIERRE'], ['DUPONT']],
    ['laetitia.d-almeida', ['LAETITIA'], ['ALMEIDA']],
    ['jean.lemoig', ['JEAN'], ['MOIGNE']],
    // Several civil given names: the one in use, or all run together.
    ['morgane.guillou', ['MORGANE', 'VALERIE'], ['GUILLOU']],
    ['morganevalerie.guillou', ['MORGANE', 'VALERIE'], ['GUILLOU']],
    ['guillou.morgane', ['MORGANE', 'VALERIE'], ['GUILLOU']],
    // Birth or usage surname.
    ['anne.martin', ['ANNE'], ['DURAND', 'MARTIN']],
  ])('%s follows a pattern of %j %j', (login, firstNames, lastNames) => {
    expect(matchesLoginPattern(login, firstNames, lastNames)).toBe(true);
  });

  it.each([
    ['pmartin', ['JEAN'], ['DUPONT']],
    ['valerie.guillou', ['MORGANE', 'VALERIE'], ['GUILLOU']],
    ['abc', ['ABC'], ['D']],
    ['svc_backup', ['JEAN'], ['DUPONT']],
  ])('%s follows no pattern of %j %j', (login, firstNames, lastNames) => {
    expect(matchesLoginPattern(login, firstNames, lastNames)).toBe(false);
  });
});
