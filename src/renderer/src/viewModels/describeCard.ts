import type { ReaderView, SimulatedCardView } from '../../../shared/api/cards.contract';
import type { CardInfo } from '../../../shared/cards/cardTypes';

export interface CardFact {
  /** i18n key of the label. */
  labelKey: string;
  value: string;
}

/** `2028-01-15T00:00:00.000Z` → `15/01/2028` (the desk's date format). */
function formatDay(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

/** The facts an agent reads off a decoded card, in display order. */
export function describeCard(card: CardInfo): CardFact[] {
  const facts: CardFact[] = [{ labelKey: 'cards.fact.type', value: card.type }];
  if (card.cps !== null) {
    facts.push(
      { labelKey: 'cards.fact.holder', value: `${card.cps.lastName} ${card.cps.firstName}` },
      { labelKey: 'cards.fact.profession', value: card.cps.profession },
      { labelKey: 'cards.fact.idNat', value: card.cps.idNat },
    );
    if (card.cps.rpps !== null) facts.push({ labelKey: 'cards.fact.rpps', value: card.cps.rpps });
    facts.push(
      { labelKey: 'cards.fact.validity', value: `${formatDay(card.cps.notBefore)} → ${formatDay(card.cps.notAfter)}` },
      { labelKey: 'cards.fact.serial', value: card.cps.serial },
    );
    if (card.cps.pinTriesLeft !== null) facts.push({ labelKey: 'cards.fact.pinTries', value: String(card.cps.pinTriesLeft) });
  }
  if (card.uid !== null) facts.push({ labelKey: 'cards.fact.uid', value: card.uid });
  if (card.desfire !== null) facts.push({ labelKey: 'cards.fact.desfire', value: `${card.desfire.generation} · ${card.desfire.storageBytes} o` });
  facts.push({ labelKey: 'cards.fact.atr', value: card.atr });
  return facts;
}

/** i18n key of a reader's big status line. */
export function readerStatusKey(reader: ReaderView): string {
  if (reader.state === 'error') return `cards.error.${reader.error?.code ?? 'CARD_UNREADABLE'}`;
  return `cards.reader.${reader.state}`;
}

/** Simulated cards that fit a reader: CPS in the contact one, badges on the contactless one. */
export function cardsForReader(cards: SimulatedCardView[], accepts: ReaderView['accepts']): SimulatedCardView[] {
  return cards.filter((card) => accepts === 'any' || card.interface === accepts);
}
