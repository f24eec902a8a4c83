/**
 * Vocabulary of generator D (CHU de Bourbon-Sud, La Réunion): surnames with their weight in the
 * local population, given names per origin, job labels, services and the other structures of the
 * island and of mainland France where register namesakes work. All fictional structures.
 */

export type Origin = 'creole' | 'tamil' | 'chinese' | 'gujarati' | 'malagasy' | 'mainland';

/** [surname, weight in ‰ of the local population]. PAYET ≈ 5 %. HOARAU and HOAREAU are two families. */
export const reunionSurnames: ReadonlyArray<readonly [string, number, Origin]> = [
  ['PAYET', 24, 'creole'], ['HOARAU', 15, 'creole'], ['GRONDIN', 13, 'creole'], ['FONTAINE', 14, 'creole'],
  ['RIVIERE', 13, 'creole'], ['TECHER', 14, 'creole'], ['BOYER', 13, 'creole'], ['LEBON', 11, 'creole'],
  ['NATIVEL', 9, 'creole'], ['MAILLOT', 11, 'creole'], ['DIJOUX', 9, 'creole'], ['HUET', 7, 'creole'],
  ['TURPIN', 9, 'creole'], ['CLAIN', 7, 'creole'], ['LAURET', 9, 'creole'], ['MOREL', 7, 'creole'],
  ['ROBERT', 9, 'creole'], ['HOAREAU', 12, 'creole'], ['LEBRETON', 7, 'creole'], ['SAUTRON', 5, 'creole'],
  ['BEGUE', 6, 'creole'], ['VIENNE', 4, 'creole'], ['FOLIO', 4, 'creole'], ['GUICHARD', 3, 'creole'],
  ['BARRET', 4, 'creole'], ['ETHEVE', 4, 'creole'], ['SERY', 3, 'creole'], ['CADET', 5, 'creole'],
  ['MUSSARD', 4, 'creole'], ['ITHIER', 3, 'creole'], ['DAMOUR', 4, 'creole'], ['FERRERE', 3, 'creole'],
  ['DALLEAU', 3, 'creole'], ['GIGAN', 3, 'creole'], ['VIRAMA', 2, 'creole'], ['BOULLE', 3, 'creole'],
  ['CLOTAGATIDE', 2, 'creole'], ['PICARD', 3, 'creole'], ['VELIA', 2, 'creole'],
  ['MOUTOUSSAMY', 5, 'tamil'], ['GOVINDIN', 4, 'tamil'], ['RAMASSAMY', 5, 'tamil'], ['POUNOUSSAMY', 3, 'tamil'],
  ['VIRAPOULLE', 3, 'tamil'], ['SINIMALE', 3, 'tamil'], ['NARAYANIN-PAYET', 2, 'tamil'], ['SOUPRAYEN', 3, 'tamil'],
  ['MOUNIAMA', 3, 'tamil'], ['CARPAYE', 2, 'tamil'], ['LATCHIMY', 3, 'tamil'], ['VALLIAME', 2, 'tamil'],
  ['MOUTAMA-PAYET', 1, 'tamil'], ['PERIANAYAGOM', 1, 'tamil'],
  ['AH-SING', 3, 'chinese'], ['AH-HOT', 2, 'chinese'], ['LAW-YAT', 2, 'chinese'], ['CHANE-KAM', 2, 'chinese'],
  ['THIONG-TOYE', 2, 'chinese'], ['AH-KOON', 2, 'chinese'], ['LAN-SUN-LUK', 1, 'chinese'], ['CHANE-TO', 1, 'chinese'],
  ['PATEL', 4, 'gujarati'], ['OMARJEE', 3, 'gujarati'], ['ISMAEL', 3, 'gujarati'], ['KAJI', 2, 'gujarati'],
  ['MOUSSA', 2, 'gujarati'], ['LOCATE', 2, 'gujarati'], ['AMODE', 2, 'gujarati'], ['VALLY', 2, 'gujarati'],
  ['RAKOTOMALALA', 2, 'malagasy'], ['RANDRIANARISOA', 2, 'malagasy'], ['ANDRIAMAHEFA', 2, 'malagasy'],
  ['RAZAFINDRAKOTO', 2, 'malagasy'], ['RAVELOJAONA', 1, 'malagasy'], ['RANDRIAMAMPIANINA', 1, 'malagasy'],
  ['MADI', 2, 'malagasy'], ['ABDOU', 2, 'malagasy'], ['SOILIHI', 1, 'malagasy'],
];

/** Mainland surnames: spread out, for the ~25 % of (mostly medical) staff from metropolitan France. */
export const mainlandSurnames: readonly string[] = [
  'MARTIN', 'BERNARD', 'DUBOIS', 'THOMAS', 'RICHARD', 'PETIT', 'DURAND', 'LEROY', 'MOREAU', 'SIMON',
  'LAURENT', 'LEFEBVRE', 'MICHEL', 'GARCIA', 'DAVID', 'BERTRAND', 'ROUX', 'VINCENT', 'FOURNIER', 'GIRARD',
  'BONNET', 'DUPONT', 'LAMBERT', 'ROUSSEAU', 'BLANC', 'GUERIN', 'MULLER', 'HENRY', 'ROUSSEL', 'NICOLAS',
  'PERRIN', 'MORIN', 'MATHIEU', 'CLEMENT', 'GAUTHIER', 'DUMONT', 'LOPEZ', 'CHEVALIER', 'ROBIN', 'DESCHAMPS',
  'MEUNIER', 'BRUN', 'BLANCHARD', 'GUILLOT', 'COLIN', 'VIDAL', 'CARON', 'PICHON', 'LE CORRE', 'BRETON',
  'MARCHAND', 'AUBERT', 'BARBIER', 'ARNAUD', 'GIRAUD', 'LECLERC', 'PERROT', 'JOLY', 'FAURE', 'ANDRE',
];

export interface GivenNamePools {
  readonly female: readonly string[];
  readonly male: readonly string[];
}

export const givenNames: Record<Origin, GivenNamePools> = {
  creole: {
    female: [
      'Marie-Claude', 'Marie-Claude', 'Marie-Josée', 'Marie-Josée', 'Marie-Annick', 'Marie-Laure', 'Marie-Hélène',
      'Marie-Paule', 'Marie-Lise', 'Marie-Noëlle', 'Cindy', 'Cindy', 'Nadia', 'Jessica', 'Johanna', 'Sandrine',
      'Nathalie', 'Nathalie', 'Corinne', 'Patricia', 'Sabrina', 'Émilie', 'Audrey', 'Mélissa', 'Christelle',
      'Josiane', 'Gérose', 'Rose-May', 'Yolaine', 'Line', 'Jocelyne', 'Ginette', 'Laetitia', 'Vanessa', 'Annick',
      'Marie-France', 'Marie-Pierre', 'Marie-Jo', 'Marie-Andrée', 'Marie-Ange', 'Marie-Reine', 'Marie-Line', 'Marie-Thérèse',
      'Jacqueline', 'Lucette', 'Murielle', 'Sylvie', 'Valérie', 'Karine', 'Stéphanie', 'Virginie', 'Aurélie', 'Élodie',
      'Amandine', 'Jennifer', 'Kelly', 'Morgane', 'Océane', 'Noémie', 'Anaïs', 'Lisa', 'Ludivine', 'Priscilla', 'Fabiola',
      'Roseline', 'Ghislaine', 'Micheline', 'Clairette', 'Nicole', 'Brigitte', 'Danielle', 'Mylène', 'Sonia', 'Graziella',
    ],
    male: [
      'Jean-Hugues', 'Jean-Max', 'Jean-Max', 'Jean-Claude', 'Jean-Paul', 'Jean-Marc', 'Jean-Luc', 'Jean-Yves',
      'Jean-François', 'Johnny', 'Johnny', 'Mickaël', 'Mickaël', 'Dimitri', 'Sully', 'Wilfrid', 'Jimmy', 'Teddy',
      'Willy', 'Freddy', 'Frédéric', 'Patrick', 'Thierry', 'Stéphane', 'Ludovic', 'Christophe', 'Didier',
      'Yannick', 'Loïc', 'Kévin', 'Jérôme', 'Jean-Bernard', 'Daniel', 'Gilbert',
      'Jean-Louis', 'Jean-Michel', 'Jean-Pierre', 'Jean-Jacques', 'Jean-Noël', 'Jean-Denis', 'Jean-Raymond', 'Jean-Alix',
      'Guy', 'Bernard', 'Roland', 'Alix', 'Fabrice', 'Pascal', 'Bruno', 'Philippe', 'Éric', 'Laurent', 'Olivier',
      'Sébastien', 'Cédric', 'Grégory', 'Johan', 'Steeve', 'Brandon', 'Dylan', 'Kenny', 'Ryan', 'Mathis', 'Enzo',
      'Nicolas', 'Gilles', 'Serge', 'Max', 'Henri-Claude', 'Ruddy', 'Jessy', 'Harry', 'Wilson', 'Gaëtan', 'Raphaël',
    ],
  },
  tamil: {
    female: ['Priya', 'Sarojini', 'Latchimy', 'Vanessa', 'Nadia', 'Marie-Claude', 'Sandrine', 'Kamala', 'Indira', 'Cindy'],
    male: ['Vijay', 'Rajesh', 'Dhanesh', 'Vinod', 'Johnny', 'Jean-Max', 'Mickaël', 'Sandirane', 'Patrick', 'Dimitri'],
  },
  chinese: {
    female: ['Marie-Claude', 'Nathalie', 'Sandrine', 'Christine', 'Isabelle', 'Cindy', 'Sophie', 'Mei'],
    male: ['Jean', 'Jean-Paul', 'Alain', 'Gérard', 'Johnny', 'Frédéric', 'Thierry', 'Yves'],
  },
  gujarati: {
    female: ['Fatima', 'Zaïnab', 'Aïcha', 'Nazira', 'Shabnam', 'Rokia', 'Yasmine', 'Fatima'],
    male: ['Ibrahim', 'Ismaël', 'Nazir', 'Younous', 'Hassan', 'Mohamed', 'Ibrahim', 'Farouk'],
  },
  malagasy: {
    female: ['Hanitra', 'Voahangy', 'Fara', 'Zaïnab', 'Fatima', 'Lalaina', 'Noro'],
    male: ['Hery', 'Tahina', 'Rivo', 'Ibrahim', 'Andry', 'Mamy', 'Said'],
  },
  mainland: {
    female: [
      'Camille', 'Julie', 'Claire', 'Pauline', 'Élise', 'Anne', 'Sophie', 'Hélène', 'Léa', 'Manon', 'Chloé',
      'Marion', 'Charlotte', 'Lucie', 'Marie', 'Isabelle', 'Céline', 'Aurélie', 'Marie-Claude', 'Nathalie',
    ],
    male: [
      'Nicolas', 'Julien', 'Thomas', 'Antoine', 'Guillaume', 'Maxime', 'Romain', 'Pierre', 'Olivier', 'Benoît',
      'Hugo', 'Sébastien', 'François', 'Mathieu', 'Vincent', 'Jean-Baptiste', 'Arnaud', 'Bruno', 'Cédric', 'Laurent',
    ],
  },
};

/** Second and third civil-status given names (any origin). */
export const middleNames: GivenNamePools = {
  female: ['Marie', 'Josiane', 'Françoise', 'Élisabeth', 'Anne', 'Rose', 'Sylvie', 'Lucie', 'Michèle', 'Mireille', 'Hélène', 'Thérèse'],
  male: ['Jean', 'Joseph', 'Marie', 'Louis', 'Paul', 'Henri', 'Michel', 'Gérard', 'Philippe', 'Raymond', 'Émile', 'Georges'],
};

export interface JobDef {
  readonly emploi: string;
  readonly grade: string;
  readonly weight: number;
  /** TRE_G15 code in the register, null when the job is not a registered profession. */
  readonly regCode: string | null;
  readonly regLabel: string;
  readonly medical: boolean;
  /** share of this job holding an RPPS (aides-soignants through RPPS+). */
  readonly registeredShare: number;
  readonly statut: readonly string[];
}

export const jobs: readonly JobDef[] = [
  { emploi: 'Praticien hospitalier', grade: 'Praticien hospitalier temps plein', weight: 90, regCode: '10', regLabel: 'Médecin', medical: true, registeredShare: 1, statut: ['Titulaire'] },
  { emploi: 'Assistant spécialiste', grade: 'Assistant spécialiste des hôpitaux', weight: 22, regCode: '10', regLabel: 'Médecin', medical: true, registeredShare: 1, statut: ['Contractuel'] },
  { emploi: 'Praticien contractuel', grade: 'Praticien contractuel temps plein', weight: 70, regCode: '10', regLabel: 'Médecin', medical: true, registeredShare: 1, statut: ['Contractuel', 'CDD'] },
  { emploi: 'Interne', grade: 'Interne des hôpitaux', weight: 60, regCode: '10', regLabel: 'Médecin', medical: true, registeredShare: 1, statut: ['Interne'] },
  { emploi: 'Pharmacien', grade: 'Praticien hospitalier pharmacien', weight: 12, regCode: '21', regLabel: 'Pharmacien', medical: true, registeredShare: 1, statut: ['Titulaire', 'Contractuel'] },
  { emploi: 'Sage-femme', grade: 'Sage-femme des hôpitaux', weight: 32, regCode: '50', regLabel: 'Sage-Femme', medical: false, registeredShare: 1, statut: ['Titulaire', 'Contractuel'] },
  { emploi: 'Infirmier en soins généraux', grade: 'IDE classe normale', weight: 290, regCode: '60', regLabel: 'Infirmier', medical: false, registeredShare: 1, statut: ['Titulaire', 'Titulaire', 'Stagiaire', 'Contractuel'] },
  { emploi: 'Cadre de santé', grade: 'Cadre de santé paramédical', weight: 18, regCode: '60', regLabel: 'Infirmier', medical: false, registeredShare: 1, statut: ['Titulaire'] },
  { emploi: 'Aide-soignant', grade: 'Aide-soignant classe normale', weight: 210, regCode: '35', regLabel: 'Aide-soignant', medical: false, registeredShare: 0.3, statut: ['Titulaire', 'Stagiaire', 'Contractuel'] },
  { emploi: 'Manipulateur en électroradiologie', grade: 'Manipulateur ERM', weight: 20, regCode: '98', regLabel: 'Manipulateur ERM', medical: false, registeredShare: 1, statut: ['Titulaire', 'Contractuel'] },
  { emploi: 'Masseur-kinésithérapeute', grade: 'Masseur-kinésithérapeute', weight: 12, regCode: '70', regLabel: 'Masseur-Kinésithérapeute', medical: false, registeredShare: 1, statut: ['Titulaire', 'Contractuel'] },
  { emploi: 'Préparateur en pharmacie hospitalière', grade: 'Préparateur en pharmacie hospitalière', weight: 12, regCode: '38', regLabel: 'Préparateur en pharmacie hospitalière', medical: false, registeredShare: 1, statut: ['Titulaire'] },
  { emploi: 'Technicien de laboratoire', grade: 'Technicien de laboratoire médical', weight: 20, regCode: '86', regLabel: 'Technicien de laboratoire médical', medical: false, registeredShare: 1, statut: ['Titulaire'] },
  { emploi: 'Adjoint administratif', grade: 'Adjoint administratif principal', weight: 100, regCode: null, regLabel: '', medical: false, registeredShare: 0, statut: ['Titulaire', 'Contractuel'] },
  { emploi: 'Assistant médico-administratif', grade: 'AMA classe normale', weight: 35, regCode: null, regLabel: '', medical: false, registeredShare: 0, statut: ['Titulaire', 'Contractuel'] },
  { emploi: 'Agent des services hospitaliers', grade: 'ASH qualifié', weight: 70, regCode: null, regLabel: '', medical: false, registeredShare: 0, statut: ['Titulaire', 'Contractuel', 'Contrat aidé'] },
  { emploi: 'Technicien hospitalier', grade: 'Technicien hospitalier', weight: 15, regCode: null, regLabel: '', medical: false, registeredShare: 0, statut: ['Titulaire'] },
];

/** [UF code, service label (Latin-1 only), site index 0 = Saint-Pierre, 1 = Saint-Joseph, AD department label (may hold cp1252 characters)]. */
export const services: ReadonlyArray<readonly [string, string, number, string]> = [
  ['1101', 'Urgences adultes', 0, 'Pôle Urgences – SAMU 974'],
  ['1102', 'SMUR', 0, 'Pôle Urgences – SAMU 974'],
  ['1201', 'Réanimation polyvalente', 0, 'Pôle Anesthésie-Réanimation'],
  ['1202', 'Anesthésie', 0, 'Pôle Anesthésie-Réanimation'],
  ['1301', 'Cardiologie', 0, 'Pôle Cœur-Vaisseaux'],
  ['1302', 'Chirurgie cardiaque', 0, 'Pôle Cœur-Vaisseaux'],
  ['1401', 'Néphrologie - dialyse', 0, 'Pôle Médecine'],
  ['1402', 'Endocrinologie - diabétologie', 0, 'Pôle Médecine'],
  ['1403', 'Médecine interne', 0, 'Pôle Médecine'],
  ['1404', 'Maladies infectieuses', 0, 'Pôle Médecine'],
  ['1501', 'Chirurgie orthopédique', 0, 'Pôle Chirurgie'],
  ['1502', 'Chirurgie viscérale', 0, 'Pôle Chirurgie'],
  ['1503', 'Bloc opératoire central', 0, 'Pôle Chirurgie'],
  ['1601', 'Maternité', 0, 'Pôle Femme – Mère – Enfant'],
  ['1602', 'Néonatologie', 0, 'Pôle Femme – Mère – Enfant'],
  ['1603', 'Pédiatrie', 0, 'Pôle Femme – Mère – Enfant'],
  ['1701', 'Imagerie médicale', 0, 'Pôle Médico-technique'],
  ['1702', 'Laboratoire de biologie', 0, 'Pôle Médico-technique'],
  ['1703', 'Pharmacie à usage intérieur', 0, 'Pôle Médico-technique'],
  ['1801', 'Direction des ressources humaines', 0, 'Direction'],
  ['1802', 'Bureau des entrées', 0, 'Direction'],
  ['1803', 'Services techniques', 0, 'Logistique'],
  ['2101', 'Soins de suite et de réadaptation', 1, 'Site de Saint-Joseph'],
  ['2102', 'Gériatrie', 1, 'Site de Saint-Joseph'],
  ['2103', 'Psychiatrie adulte', 1, 'Site de Saint-Joseph'],
  ['2104', 'Consultations externes', 1, 'Site de Saint-Joseph'],
  ['2105', 'Urgences de proximité', 1, 'Site de Saint-Joseph'],
  ['2106', 'Accueil administratif', 1, 'Site de Saint-Joseph'],
];

export interface Structure {
  readonly name: string;
  readonly finessSite: string | null;
  readonly finessEj: string | null;
  readonly cp: string;
  readonly commune: string;
  readonly communeCode: string;
  readonly dept: string;
  readonly deptLabel: string;
  readonly sector: readonly [string, string];
  readonly reunion: boolean;
}

const hospital: readonly [string, string] = ['SA01', 'Etablissement public de santé'];
const clinic: readonly [string, string] = ['SA07', 'Etablissement privé de santé'];
const cabinet: readonly [string, string] = ['SA07', 'Cabinet individuel'];

/** Other structures: FINESS written without check (fictional numbers built by the generator). */
export const otherStructures: ReadonlyArray<Omit<Structure, 'finessSite' | 'finessEj'> & { readonly hasFiness: boolean }> = [
  { name: 'CENTRE HOSPITALIER DU NORD-BOURBON', cp: '97400', commune: 'Saint-Denis', communeCode: '97411', dept: '974', deptLabel: 'La Réunion', sector: hospital, reunion: true, hasFiness: true },
  { name: 'GROUPE HOSPITALIER DE L\'EST BOURBON', cp: '97470', commune: 'Saint-Benoît', communeCode: '97410', dept: '974', deptLabel: 'La Réunion', sector: hospital, reunion: true, hasFiness: true },
  { name: 'CENTRE HOSPITALIER DE LA COTE-OUEST', cp: '97460', commune: 'Saint-Paul', communeCode: '97415', dept: '974', deptLabel: 'La Réunion', sector: hospital, reunion: true, hasFiness: true },
  { name: 'CLINIQUE DES TAMARINS', cp: '97490', commune: 'Sainte-Clotilde', communeCode: '97411', dept: '974', deptLabel: 'La Réunion', sector: clinic, reunion: true, hasFiness: true },
  { name: 'CLINIQUE DU VOLCAN', cp: '97430', commune: 'Le Tampon', communeCode: '97422', dept: '974', deptLabel: 'La Réunion', sector: clinic, reunion: true, hasFiness: true },
  { name: 'EHPAD LES FILAOS', cp: '97450', commune: 'Saint-Louis', communeCode: '97414', dept: '974', deptLabel: 'La Réunion', sector: clinic, reunion: true, hasFiness: true },
  { name: 'CENTRE DE DIALYSE DU SUD', cp: '97410', commune: 'Saint-Pierre', communeCode: '97416', dept: '974', deptLabel: 'La Réunion', sector: clinic, reunion: true, hasFiness: true },
  { name: 'CABINET LIBERAL', cp: '97410', commune: 'Saint-Pierre', communeCode: '97416', dept: '974', deptLabel: 'La Réunion', sector: cabinet, reunion: true, hasFiness: false },
  { name: 'CABINET LIBERAL', cp: '97430', commune: 'Le Tampon', communeCode: '97422', dept: '974', deptLabel: 'La Réunion', sector: cabinet, reunion: true, hasFiness: false },
  { name: 'CABINET LIBERAL', cp: '97480', commune: 'Saint-Joseph', communeCode: '97412', dept: '974', deptLabel: 'La Réunion', sector: cabinet, reunion: true, hasFiness: false },
  { name: 'CABINET LIBERAL', cp: '97400', commune: 'Saint-Denis', communeCode: '97411', dept: '974', deptLabel: 'La Réunion', sector: cabinet, reunion: true, hasFiness: false },
  { name: 'CENTRE HOSPITALIER DE MAYOTTE-SUD', cp: '97600', commune: 'Mamoudzou', communeCode: '97611', dept: '976', deptLabel: 'Mayotte', sector: hospital, reunion: true, hasFiness: true },
  { name: 'CHU DE LA LOIRE-AVAL', cp: '44000', commune: 'Nantes', communeCode: '44109', dept: '44', deptLabel: 'Loire-Atlantique', sector: hospital, reunion: false, hasFiness: true },
  { name: 'CENTRE HOSPITALIER DE VAL-DE-GARONNE', cp: '47200', commune: 'Marmande', communeCode: '47157', dept: '47', deptLabel: 'Lot-et-Garonne', sector: hospital, reunion: false, hasFiness: true },
  { name: 'HOPITAUX DU LEMAN-SUD', cp: '74200', commune: 'Thonon-les-Bains', communeCode: '74281', dept: '74', deptLabel: 'Haute-Savoie', sector: hospital, reunion: false, hasFiness: true },
  { name: 'CHU DE LA MEUSE-ARDENNE', cp: '51100', commune: 'Reims', communeCode: '51454', dept: '51', deptLabel: 'Marne', sector: hospital, reunion: false, hasFiness: true },
  { name: 'CLINIQUE SAINT-ROCH DU LEZ', cp: '34000', commune: 'Montpellier', communeCode: '34172', dept: '34', deptLabel: 'Hérault', sector: clinic, reunion: false, hasFiness: true },
  { name: 'CENTRE HOSPITALIER DE BRIVE-CORREZE', cp: '19100', commune: 'Brive-la-Gaillarde', communeCode: '19031', dept: '19', deptLabel: 'Corrèze', sector: hospital, reunion: false, hasFiness: true },
  { name: 'CABINET LIBERAL', cp: '69003', commune: 'Lyon', communeCode: '69383', dept: '69', deptLabel: 'Rhône', sector: cabinet, reunion: false, hasFiness: false },
  { name: 'CABINET LIBERAL', cp: '33000', commune: 'Bordeaux', communeCode: '33063', dept: '33', deptLabel: 'Gironde', sector: cabinet, reunion: false, hasFiness: false },
  { name: 'CABINET LIBERAL', cp: '75011', commune: 'Paris', communeCode: '75111', dept: '75', deptLabel: 'Paris', sector: cabinet, reunion: false, hasFiness: false },
];

/** Doctors' savoir-faire (code, label). */
export const specialties: ReadonlyArray<readonly [string, string]> = [
  ['SM54', 'Médecine générale'], ['SM02', 'Anesthésie-réanimation'], ['SM04', 'Cardiologie et maladies vasculaires'],
  ['SM26', 'Médecine d\'urgence'], ['SM32', 'Néphrologie'], ['SM20', 'Gynécologie-obstétrique'], ['SM40', 'Pédiatrie'],
  ['SM44', 'Radiodiagnostic et imagerie médicale'], ['SM33', 'Endocrinologie-diabétologie-nutrition'], ['SM42', 'Psychiatrie'],
  ['SM12', 'Chirurgie orthopédique et traumatologie'], ['SM15', 'Chirurgie viscérale et digestive'], ['SM31', 'Maladies infectieuses et tropicales'],
];

/** Generic and service AD accounts of the CHU. */
export const genericAccounts: readonly string[] = [
  'accueil.urgences', 'accueil.maternite', 'accueil.sj', 'secretariat.pediatrie', 'secretariat.cardio',
  'secretariat.chirurgie', 'secretariat.psy', 'ide.nuit.rea', 'ide.nuit.urgences', 'cadre.garde', 'bureau.entrees',
  'svc_backup', 'svc_sql', 'svc_pacs', 'svc_dpi', 'svc_scan', 'scan-urg01', 'scan-urg02', 'scan-rad01',
  'imprimante.bloc', 'formation01', 'formation02', 'formation03', 'test.dpi', 'admin.sj', 'admin.sp', 'samu.regulation',
];
