import type { LocalizedText } from '../api/errors';

/**
 * Every act the core writes to the journal, in words an auditor reads (French first). The journal
 * keeps codes; screens, exports and reports show these. A test collects the codes `src/core`
 * writes and fails on one missing here.
 */
export const journalActLabels = {
  'mie.bind': { fr: 'Moyen lié', en: 'Means bound' },
  'mie.bind-temporary': { fr: 'Carte temporaire remise', en: 'Temporary card issued' },
  'mie.suspend': { fr: 'Moyen suspendu', en: 'Means suspended' },
  'mie.resume': { fr: 'Moyen réactivé', en: 'Means resumed' },
  'mie.declare-lost': { fr: 'Moyen déclaré perdu', en: 'Means declared lost' },
  'mie.declare-stolen': { fr: 'Moyen déclaré volé', en: 'Means declared stolen' },
  'mie.return': { fr: 'Carte rendue', en: 'Card handed back' },
  'mie.expire': { fr: 'Moyen échu', en: 'Means expired' },
  'mie.revoke': { fr: 'Moyen révoqué', en: 'Means revoked' },
  'mie.replace': { fr: 'Carte de remplacement liée', en: 'Replacement card bound' },
  'mie.replaced': { fr: 'Moyen remplacé', en: 'Means replaced' },
  'agent-act.confirmed': { fr: 'Acte confirmé par un second agent', en: 'Act confirmed by a second agent' },
  'directory.reconcile': { fr: 'Rapprochement de l’annuaire', en: 'Directory reconciliation' },
  'sources.import': { fr: 'Import des sources', en: 'Sources import' },
  'fido.enroll': { fr: 'Clé FIDO enregistrée', en: 'FIDO key enrolled' },
  'fido.key-test': { fr: 'Clé FIDO testée', en: 'FIDO key tested' },
  'fido.metadata.import': { fr: 'Métadonnées FIDO importées', en: 'FIDO metadata imported' },
  'fido.sponsor-authenticated': { fr: 'Parrain authentifié', en: 'Sponsor authenticated' },
  'fido.sponsor-refused': { fr: 'Parrain refusé', en: 'Sponsor refused' },
  'fido.sponsorship': { fr: 'Parrainage d’une clé de secours', en: 'Backup key sponsored' },
  'fido.sponsorship.revoke': { fr: 'Parrainage révoqué', en: 'Sponsorship revoked' },
  'identity.correct-end-date': { fr: 'Date de fin corrigée au guichet', en: 'End date corrected at the desk' },
  'identity.create-temporary': { fr: 'Identité temporaire créée', en: 'Temporary identity created' },
  'identity.departure': { fr: 'Départ immédiat enregistré', en: 'Immediate departure recorded' },
  'identity.merge': { fr: 'Identités fusionnées', en: 'Identities merged' },
  'identity.pair-rpps': { fr: 'RPPS rattaché au guichet', en: 'RPPS paired at the desk' },
  'identity-link.accept': { fr: 'Rapprochement validé', en: 'Link accepted' },
  'identity-link.reject': { fr: 'Rapprochement rejeté', en: 'Link rejected' },
  'leaver.suspend': { fr: 'Départ : moyens suspendus', en: 'Leaver: means suspended' },
  'leaver.revoke': { fr: 'Départ : moyens révoqués', en: 'Leaver: means revoked' },
  'leaver.exception': { fr: 'Départ : exception accordée', en: 'Leaver: exception granted' },
  'leaver.hold': { fr: 'Départs en masse retenus', en: 'Mass leavers held' },
  'leaver.hold-apply': { fr: 'Départs en masse confirmés', en: 'Mass leavers confirmed' },
  'leaver.hold-dismiss': { fr: 'Départs en masse écartés', en: 'Mass leavers dismissed' },
  'nightdesk.settings': { fr: 'Réglages du guichet de nuit', en: 'Night desk settings' },
  'settings.card-type-policy': { fr: 'Politique des modèles de cartes', en: 'Card model policy' },
  'pool.register': { fr: 'Carte ajoutée au stock de nuit', en: 'Card added to the night stock' },
  'pool.lost': { fr: 'Carte du stock perdue', en: 'Stock card lost' },
  'temporary.issue': { fr: 'Accès temporaire accordé', en: 'Temporary access granted' },
  'temporary.return': { fr: 'Carte temporaire rendue', en: 'Temporary card returned' },
  'regularization.confirm': { fr: 'Régularisation confirmée', en: 'Regularization confirmed' },
  'regularization.revoke': { fr: 'Régularisation refusée', en: 'Regularization refused' },
  'personal-data.read': { fr: 'Lecture de données personnelles', en: 'Personal data read' },
  'session.open': { fr: 'Ouverture de session', en: 'Session opened' },
  'session.unlock': { fr: 'Session déverrouillée', en: 'Session unlocked' },
  'session.lock': { fr: 'Session verrouillée', en: 'Session locked' },
  'session.close': { fr: 'Session fermée', en: 'Session closed' },
  'session.refused': { fr: 'Ouverture de session refusée', en: 'Session refused' },
  'scim.dead-letter': { fr: 'Refus de l’IAM', en: 'Refused by the IAM' },
  'scim.retry': { fr: 'Renvoi à l’IAM', en: 'Sent again to the IAM' },
  'scim.discard': { fr: 'Envoi à l’IAM abandonné', en: 'Sending to the IAM discarded' },
  'scim.token-set': { fr: 'Jeton de l’IAM scellé dans le trousseau', en: 'IAM token sealed in the keychain' },
  'scim.token-clear': { fr: 'Jeton de l’IAM retiré du trousseau', en: 'IAM token removed from the keychain' },
  'journal.export': { fr: 'Journal exporté', en: 'Journal exported' },
  'journal.verify': { fr: 'Intégrité du journal vérifiée', en: 'Journal integrity checked' },
} as const satisfies Record<string, LocalizedText>;

export type JournalActCode = keyof typeof journalActLabels;
export const journalActCodes = Object.keys(journalActLabels) as JournalActCode[];

/** The act in words; an unknown code (a newer desk wrote it) stays readable with its code. */
export function labelJournalAct(code: string, language: 'fr' | 'en'): string {
  const label = (journalActLabels as Record<string, LocalizedText>)[code];
  return label === undefined ? (language === 'fr' ? `Acte « ${code} »` : `Act “${code}”`) : label[language];
}
