import { describe, expect, it } from 'vitest';
import { buildMatchFeatures } from '../../shared/matching/buildMatchFeatures';
import { learnServiceGroups } from './learnServiceGroups';

const agent = (hrId: string, lastName: string, service: string) => buildMatchFeatures({ attributes: { hrId, lastName, firstName: 'Marie', service } });
const account = (sourceId: string, hrId: string | undefined, lastName: string, service: string) => ({
  sourceId,
  features: buildMatchFeatures({ attributes: { ...(hrId === undefined ? {} : { hrId }), lastName, firstName: 'Marie', service }, accountKey: `${lastName}.${hrId ?? 'x'}`.toLowerCase() }),
});

describe('learnServiceGroups', () => {
  // 40 agents: cardiology and pneumology belong to the medicine pôle, surgery to its own.
  const services = ['Cardiologie', 'Pneumologie', 'Chirurgie viscérale', 'Orthopédie'];
  const poleOf: Record<string, string> = { Cardiologie: 'Pôle Médecine', Pneumologie: 'Pôle Médecine', 'Chirurgie viscérale': 'Pôle Chirurgie', Orthopédie: 'Pôle Chirurgie' };
  const hr = Array.from({ length: 40 }, (_, index) => agent(String(1000 + index), `NOM${index}`, services[index % 4]!));

  it('learns, from accounts carrying a matricule, which HR services a pôle stands for', () => {
    const ad = hr.map((person, index) => account('ad', String(1000 + index), `NOM${index}`, poleOf[services[index % 4]!]!));
    // Accounts without the matricule teach nothing, and the pôle is learned all the same.
    ad.push(account('ad', undefined, 'NOM0', 'Pôle Chirurgie'));
    const groups = learnServiceGroups(hr, ad).get('ad')!.groups;
    expect([...groups.get('PÔLE MÉDECINE')!].sort()).toEqual(['CARDIOLOGIE', 'PNEUMOLOGIE']);
    expect([...groups.get('PÔLE CHIRURGIE')!].sort()).toEqual(['CHIRURGIE VISCÉRALE', 'ORTHOPÉDIE']);
  });

  it('maps a renamed service to the one HR service, and learns nothing from values HR uses, a matricule of another surname, or too few accounts', () => {
    const codes: Record<string, string> = { Cardiologie: 'CARDIO', Pneumologie: 'PNEUMO', 'Chirurgie viscérale': 'CHIVI', Orthopédie: 'ORTHO' };
    const app = hr.map((_, index) => account('dpi', String(1000 + index), `NOM${index}`, codes[services[index % 4]!]!));
    // A matricule typed into someone else's account (another surname): not evidence.
    for (let index = 0; index < 8; index += 1) app.push(account('dpi', String(1000 + index * 4), `AUTRE${index}`, 'ORTHO'));
    const groups = learnServiceGroups(hr, app).get('dpi')!.groups;
    expect([...groups.get('CARDIO')!]).toEqual(['CARDIOLOGIE']);
    expect([...groups.get('ORTHO')!]).toEqual(['ORTHOPÉDIE']);
    // HR's own names need no correspondence; ten linked accounts are too few to learn one.
    expect(learnServiceGroups(hr, hr.map((person, index) => account('sil', String(1000 + index), `NOM${index}`, services[index % 4]!))).has('sil')).toBe(false);
    expect(learnServiceGroups(hr, app.slice(0, 10)).has('dpi')).toBe(false);
  });

  it('leaves out an HR service whose accounts show no dominant value', () => {
    const mixed = hr.map((_, index) => account('ad', String(1000 + index), `NOM${index}`, index % 4 === 0 ? (index % 8 === 0 ? 'Site Nord' : 'Site Sud') : poleOf[services[index % 4]!]!));
    const { groups, placed } = learnServiceGroups(hr, mixed).get('ad')!;
    expect(groups.get('PÔLE MÉDECINE')).toEqual(new Set(['PNEUMOLOGIE']));
    expect(groups.has('SITE NORD')).toBe(false);
    // Cardiology is placed nowhere: an account of a pôle says nothing about a cardiologist.
    expect(placed.has('CARDIOLOGIE')).toBe(false);
    expect(placed.has('ORTHOPÉDIE')).toBe(true);
  });
});
