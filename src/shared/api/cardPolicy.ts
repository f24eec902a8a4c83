import { z } from 'zod';
import { cardTypes, type CardType } from '../cards/cardTypes';

/** Contactless card models the badge office may sort into uses (CPS and unknown cards are never badges). */
export const badgeCardTypes = cardTypes.filter((type): type is Exclude<CardType, 'CPS3' | 'CPS4' | 'UNKNOWN'> => type !== 'CPS3' && type !== 'CPS4' && type !== 'UNKNOWN');
export type BadgeCardType = (typeof badgeCardTypes)[number];

/** Which card models may serve as what. A model may be in several lists, or in none (refused). */
export interface CardTypePolicy {
  staffBadge: BadgeCardType[];
  temporaryBadge: BadgeCardType[];
  visitorTicket: BadgeCardType[];
}

const list = z.array(z.enum(badgeCardTypes as unknown as [BadgeCardType, ...BadgeCardType[]])).max(badgeCardTypes.length);
export const cardTypePolicySchema = z.object({ staffBadge: list, temporaryBadge: list, visitorTicket: list }).strict();
