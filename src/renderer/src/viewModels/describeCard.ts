import type { ReaderView, SimulatedCardView } from '../../../shared/api/cards.contract';
import { labelCardModel } from '../../../shared/cards/cardModelLabels';
import type { CardInfo } from '../../../shared/cards/cardTypes';
import { labelProfession } from '../../../shared/directory/professionLabels';
import { formatDay, type DateLanguage } from '../../../shared/text/formatDates';

export interface CardFact {
  /** i18n key of the label. */
  labelKey: string;
  value: string;
}

/** The facts an agent reads off a decoded card, in display order (model, profession and dates as people read them). */
export function describeCard(card: CardInfo, language: DateLanguage = 'fr'): CardFact[] {
  const facts: CardFact[] = [{ labelKey: 'cards.fact.type', value: labelCardModel(card.type, language) }];
  if (card.cps !== null) {
    facts.push(
      { labelKey: 'cards.fact.holder', value: `${card.cps.lastName} ${card.cps.firstName}` },
      { labelKey: 'cards.fact.profession', value: labelProfession(card.cps.profession, language) },
      { labelKey: 'cards.fact.idNat', value: card.cps.idNat },
    );
    if (card.cps.rpps !== null) facts.push({ labelKey: 'cards.fact.rpps', value: card.cps.rpps });
    facts.push(
      { labelKey: 'cards.fact.validity', value: `${formatDay(card.cps.notBefore, language)} → ${formatDay(card.cps.notAfter, language)}` },
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
