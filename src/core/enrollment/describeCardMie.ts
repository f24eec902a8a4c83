import { DeskError } from '../../shared/api/errors';
import type { PresentedCardView } from '../../shared/api/enrollment.contract';
import type { PresentedCard } from '../agents/CardAccess';

/**
 * What identifies a card as a MIE: a CPS by its serial, a contactless badge by its UID. A DESFire
 * card answering a random UID has no stable identity without an on-card application, so it is
 * refused rather than bound to a number that changes at every tap.
 */
export function describeCardMie(card: PresentedCard): PresentedCardView {
  if (card.cps !== null) {
    const { idNat, rpps, lastName, firstName, profession, notAfter } = card.cps;
    return { reader: card.reader, kind: 'cps', identifier: card.cps.serial, cardType: card.type, cps: { idNat, rpps, lastName, firstName, profession, notAfter } };
  }
  if (card.desfire?.randomUid === true) {
    throw new DeskError(
      'PRECONDITION_FAILED',
      {
        fr: 'Ce badge DESFire change d’identifiant (UID aléatoire) à chaque passage : il ne peut pas être lié sans application d’identification sur la carte.',
        en: 'This DESFire badge answers a random UID at each tap: it cannot be bound without an identification application on the card.',
      },
      { rule: 'random-uid', reader: card.reader },
    );
  }
  if (card.uid === null || card.uid === '') {
    throw new DeskError(
      'PRECONDITION_FAILED',
      { fr: 'Carte non reconnue : ni CPS, ni badge sans contact lisible.', en: 'Unrecognized card: neither a CPS nor a readable contactless badge.' },
      { rule: 'unrecognized-card', reader: card.reader, type: card.type },
    );
  }
  return { reader: card.reader, kind: 'badge', identifier: card.uid, cardType: card.type, cps: null };
}
