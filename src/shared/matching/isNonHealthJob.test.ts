import { describe, expect, it } from 'vitest';
import { isNonHealthJob } from './isNonHealthJob';

describe('isNonHealthJob', () => {
  it('names administrative, technical and logistic grades, never a health profession nor an unknown label', () => {
    for (const label of ['Assistant(e) médico-administratif(ve)', 'Adjoint administratif', 'Agent des services hospitaliers qualifié', 'Ingénieur hospitalier', 'Secrétaire médicale', 'Brancardier', 'Technicien supérieur hospitalier']) {
      expect(isNonHealthJob(label), label).toBe(true);
    }
    for (const label of ['Praticien hospitalier', 'Infirmier(e) diplômé(e) d\'Etat', 'Technicien(ne) de laboratoire médical', 'Pharmacien praticien hospitalier', 'Cadre de santé', 'Chef de service', 'Psychologue', '', null]) {
      expect(isNonHealthJob(label), String(label)).toBe(false);
    }
  });
});
