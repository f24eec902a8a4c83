import type Database from 'better-sqlite3';
import type { MieKind } from '../../shared/api/enrollment.contract';
import { DeskError } from '../../shared/api/errors';
import { readCardTypePolicy } from './cardTypePolicySettings';

const modelNames: Record<string, string> = {
  MIFARE_CLASSIC_1K: 'MIFARE Classic 1K',
  MIFARE_CLASSIC_4K: 'MIFARE Classic 4K',
  MIFARE_MINI: 'MIFARE Mini',
  MIFARE_ULTRALIGHT: 'MIFARE Ultralight',
  DESFIRE: 'MIFARE DESFire',
};

/**
 * The card-type policy (settings): a badge binds only when its model may serve that use. A model
 * kept for visitor tickets is refused as a staff badge saying so. CPS and FIDO keys are not badges.
 */
export function assertCardTypeAllowed(db: Database.Database, { kind, cardType }: { kind: MieKind; cardType: string | null | undefined }): void {
  // Only a read card has a model; a core caller binding by identifier alone has none to check.
  if ((kind !== 'badge' && kind !== 'temporary-badge') || cardType === null || cardType === undefined) return;
  const policy = readCardTypePolicy(db);
  const allowed: readonly string[] = kind === 'badge' ? policy.staffBadge : policy.temporaryBadge;
  if (allowed.includes(cardType)) return;
  const model = modelNames[cardType] ?? cardType;
  const use = kind === 'badge' ? { fr: 'badge du personnel', en: 'staff badge' } : { fr: 'carte temporaire', en: 'temporary card' };
  const visitor = (policy.visitorTicket as readonly string[]).includes(cardType);
  throw new DeskError(
    'PRECONDITION_FAILED',
    visitor
      ? { fr: `Cette carte ${model} est un ticket visiteur : elle ne peut pas servir de ${use.fr}.`, en: `This ${model} card is a visitor ticket: it cannot serve as a ${use.en}.` }
      : {
          fr: `Le modèle ${model} n’est pas autorisé comme ${use.fr} (réglages des types de cartes du bureau des badges).`,
          en: `The ${model} model is not allowed as a ${use.en} (badge office card-type settings).`,
        },
    { rule: 'card-type-policy', cardType, use: kind, visitorTicket: visitor },
  );
}
