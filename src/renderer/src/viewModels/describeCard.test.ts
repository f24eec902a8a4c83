import { describe, expect, it } from 'vitest';
import type { ReaderView, SimulatedCardView } from '../../../shared/api/cards.contract';
import { cardsForReader, describeCard, readerStatusKey } from './describeCard';

const reader = (overrides: Partial<ReaderView>): ReaderView => ({
  name: 'R',
  kind: 'simulated',
  accepts: 'contact',
  state: 'empty',
  card: null,
  error: null,
  simulatedCardId: null,
  ...overrides,
});

describe('card view-model', () => {
  it('lists a CPS holder, RPPS, validity in French dates and tries left', () => {
    const facts = describeCard({
      reader: 'R',
      type: 'CPS3',
      atr: '3BAC',
      uid: null,
      desfire: null,
      cps: { idNat: '810100271385', rpps: '10100271385', lastName: 'MARTIN', firstName: 'CLAIRE', profession: 'Médecin', serial: '01', notBefore: '2025-01-15T00:00:00.000Z', notAfter: '2028-01-15T00:00:00.000Z', pinTriesLeft: 2 },
    });
    expect(facts.map((fact) => fact.value)).toEqual(['Carte CPS 3', 'MARTIN CLAIRE', 'Médecin', '810100271385', '10100271385', '15/01/2025 → 15/01/2028', '01', '2', '3BAC']);
  });

  it('writes the model, the TRE_G15 profession and the validity in English the English way', () => {
    const facts = describeCard(
      { reader: 'R', type: 'CPS4', atr: '3BAC', uid: null, desfire: null, cps: { idNat: '810100271385', rpps: '10100271385', lastName: 'MARTIN', firstName: 'CLAIRE', profession: '60', serial: '01', notBefore: '2025-01-15T00:00:00.000Z', notAfter: '2028-01-15T00:00:00.000Z', pinTriesLeft: null } },
      'en',
    );
    expect(facts.map((fact) => fact.value)).toEqual(['CPS 4 card', 'MARTIN CLAIRE', 'Nurse', '810100271385', '10100271385', '15 Jan 2025 → 15 Jan 2028', '01', '3BAC']);
  });

  it('shows a badge UID and DESFire generation, without an RPPS line for non-RPPS cards', () => {
    const facts = describeCard({ reader: 'R', type: 'DESFIRE', atr: '3B81', uid: '04AA', cps: null, desfire: { generation: 'EV2', storageBytes: 4096, randomUid: false } });
    expect(facts.map((fact) => fact.labelKey)).toEqual(['cards.fact.type', 'cards.fact.uid', 'cards.fact.desfire', 'cards.fact.atr']);
  });

  it('maps states and error codes to message keys', () => {
    expect(readerStatusKey(reader({ state: 'reading' }))).toBe('cards.reader.reading');
    expect(readerStatusKey(reader({ state: 'error', error: { reader: 'R', code: 'CARD_REMOVED', message: '' } }))).toBe('cards.error.CARD_REMOVED');
  });

  it('offers CPS to the contact reader and badges to the contactless one', () => {
    const cards: SimulatedCardView[] = [
      { id: 'a', label: 'CPS', type: 'CPS3', interface: 'contact', identityId: null, holderName: null },
      { id: 'b', label: 'Badge', type: 'DESFIRE', interface: 'contactless', identityId: null, holderName: null },
    ];
    expect(cardsForReader(cards, 'contact').map((card) => card.id)).toEqual(['a']);
    expect(cardsForReader(cards, 'contactless').map((card) => card.id)).toEqual(['b']);
    expect(cardsForReader(cards, 'any')).toHaveLength(2);
  });
});
