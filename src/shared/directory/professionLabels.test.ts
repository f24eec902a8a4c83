import { describe, expect, it } from 'vitest';
import { cardModelLabels, labelCardModel } from '../cards/cardModelLabels';
import { cardTypes } from '../cards/cardTypes';
import { mapProfessionCode } from '../matching/mapProfessionCode';
import { labelProfession, professionLabels } from './professionLabels';

describe('labels of codes shown to people', () => {
  it('names every TRE_G15 code the matcher maps to, in both languages', () => {
    for (const grade of ['Médecin', 'Pharmacien', 'Infirmière', 'Masseur-kinésithérapeute', 'Sage-femme', 'Aide-soignante', 'Manipulateur radio', 'Psychomotricien']) {
      const code = mapProfessionCode(grade)!;
      expect(professionLabels[code], `${grade} → ${code}`).toBeDefined();
    }
    expect(labelProfession('21', 'fr')).toBe('Pharmacien');
    expect(labelProfession('70', 'en')).toBe('Physiotherapist');
    expect(labelProfession('99', 'fr')).toBe('Profession (code 99)');
    expect(labelProfession('Cadre de santé', 'fr')).toBe('Cadre de santé');
  });

  it('names every card model the readers report', () => {
    for (const type of cardTypes) expect(cardModelLabels[type].fr).not.toMatch(/_/);
    expect(labelCardModel('MIFARE_CLASSIC_1K', 'fr')).toBe('MIFARE Classic 1K');
    expect(labelCardModel('NEW_CHIP', 'fr')).toBe('Modèle NEW_CHIP');
  });
});
