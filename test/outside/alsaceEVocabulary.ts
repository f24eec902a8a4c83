/**
 * Vocabulary of generator E (Groupe hospitalier du Ried-Sundgau, Alsace-Moselle): surnames with
 * weights (percent of the staff), given names by origin, sex and generation, services per site, and
 * jobs with their register profession. Surnames are written as French civil status writes them:
 * capitals, accents and umlauts kept (`MÜLLER` is one family, `MULLER` and `MUELLER` two others).
 */

/** The ten most frequent surnames: ≈15 % of the staff together. */
export const TOP_SURNAMES: ReadonlyArray<readonly [string, number]> = [
  ['MULLER', 2.4], ['SCHMITT', 2.0], ['MEYER', 1.8], ['KLEIN', 1.5], ['WEBER', 1.4],
  ['SCHNEIDER', 1.3], ['FISCHER', 1.2], ['HOFFMANN', 1.2], ['WOLFF', 1.1], ['KELLER', 1.1],
];

/**
 * Other Alsatian and Mosellan surnames, most frequent first (weights follow the rank). Near-identical
 * families are distinct people: SCHMIDT/SCHMIT beside SCHMITT, MAYER/MEIER/MAIER beside MEYER,
 * MUELLER beside MULLER, SCHOEN, BAER, JAEGER, KRAEMER, SCHAEFER beside their umlaut forms.
 */
export const ALSATIAN_SURNAMES: readonly string[] = [
  'SCHMIDT', 'WALTER', 'BAUER', 'WAGNER', 'BECKER', 'ZIMMERMANN', 'SCHAEFFER', 'RICHERT', 'HAAS', 'ROTH',
  'FRITSCH', 'KIEFFER', 'MAYER', 'LANG', 'GASSER', 'KRIEGER', 'STOLL', 'SCHWARTZ', 'MEIER', 'BRAUN',
  'KOCH', 'JUNG', 'HUBER', 'FUCHS', 'HERRMANN', 'LUTZ', 'GRAFF', 'ENGEL', 'DIETRICH', 'WEISS',
  'SCHMIT', 'OBERLIN', 'HUMBRECHT', 'STOEFFLER', 'WENDLING', 'RIEGERT', 'KAUFFMANN', 'EHRHARDT', 'MARTZ', 'STEIN',
  'SCHAFFNER', 'ZIEGLER', 'ZINK', 'ACKERMANN', 'BILGER', 'BURGER', 'DIEBOLD', 'DOLLINGER', 'FREY', 'GROSS',
  'HAEFFELE', 'HECKEL', 'HERTZOG', 'HIRTZ', 'JAEGER', 'KAPP', 'KIENTZ', 'KLOTZ', 'KOEHL', 'KRAEMER',
  'LEHMANN', 'MOSSER', 'OSTER', 'OTT', 'PFISTER', 'REIBEL', 'REINHARDT', 'RITTER', 'RUDLOFF', 'SCHALLER',
  'SCHERRER', 'SCHILLING', 'SCHOEN', 'SCHOTT', 'SEILER', 'SIMLER', 'SONNTAG', 'SPECHT', 'STAHL', 'STEINMETZ',
  'STRAUB', 'STREICHER', 'THOMANN', 'TRAUTMANN', 'ULRICH', 'VOGEL', 'VOGT', 'WALCH', 'WERNERT', 'WILLER',
  'WIRTH', 'WITZ', 'ZELLER', 'ZUBER', 'HECK', 'GANTZER', 'BUCHER', 'MEISTERMANN', 'PFLEGER', 'RUFF',
  'SCHUBERT', 'WINTERHALTER', 'MAIER', 'MUELLER', 'BAER', 'SCHAEFER', 'CLAUSS', 'HEMMERT', 'SCHWEITZER', 'LEVY',
  'BLOCH', 'WEIL', 'DREYFUS', 'KLUGHERTZ', 'SCHNEPF', 'GOETZ', 'HAEGELI', 'BOEHLER', 'UMBDENSTOCK', 'ROHMER',
  'SCHIRA', 'BRUNSTEIN', 'ZIMMER', 'BECHT', 'BIEHLER', 'FELLMANN', 'GSELL', 'HUSSER', 'KNOBLOCH', 'LIENHARD',
  'MEHL', 'NUSSBAUM', 'REISS', 'SCHULTZ', 'SIEGRIST', 'SPITZ', 'TRENDEL', 'WIEDEMANN', 'ANDRES', 'FRIEDRICH',
];

/**
 * The long tail of rarer Germanic surnames (each one or two people in the hospital), built from
 * roots and endings as Alsatian names are: STEINBACHER, KIRCHHOLTZ, OBERLE, HUMBRECHT…
 */
export const RARE_ROOTS: readonly string[] = [
  'ACKER', 'ALT', 'BACH', 'BERG', 'BIRK', 'BRUN', 'BUCH', 'DORN', 'EICH', 'ENGEL', 'FELD', 'FRANK', 'GOLD', 'GRAS', 'HAAG', 'HART', 'HEIL', 'HIRSCH',
  'HOCH', 'HOLZ', 'HUM', 'KALT', 'KIRCH', 'KRAUS', 'LAUTEN', 'LIND', 'MOS', 'NEU', 'OBER', 'REB', 'RIED', 'ROSEN', 'SCHWAB', 'SEE', 'SONN', 'STEIN',
  'STOEFF', 'WALD', 'WEIN', 'WIND', 'WITT', 'ZWICK', 'EHR', 'GEIS', 'MATT', 'RUCH', 'SPIEG', 'THAL', 'UNTER', 'VOLK',
];
export const RARE_ENDINGS: readonly string[] = [
  'BACHER', 'BERGER', 'MANN', 'LER', 'LIN', 'INGER', 'HARDT', 'HOLTZ', 'REITER', 'WALD', 'HAUSER', 'STETTER', 'KNECHT', 'BRECHT', 'LE', 'EL', 'ER', 'MEYER',
];

/** Surnames whose civil status keeps the umlaut (ÄÖÜ are in ISO-8859-1 and allowed by French civil status). */
export const UMLAUT_SURNAMES: ReadonlyArray<readonly [string, number]> = [
  ['MÜLLER', 0.55], ['SCHÖN', 0.18], ['BÄR', 0.14], ['KÖHLER', 0.1], ['JÄGER', 0.1],
  ['SCHÄFER', 0.1], ['KRÄMER', 0.08], ['MÜNCH', 0.08], ['BÜRGER', 0.06], ['HÖFFLER', 0.05],
];

/** Names from the rest of France (Lorraine-flavoured), written with their accents. */
export const FRENCH_SURNAMES: readonly string[] = [
  'MARTIN', 'BERNARD', 'THOMAS', 'PETIT', 'ROBERT', 'RICHARD', 'DURAND', 'DUBOIS', 'MOREAU', 'LAURENT',
  'SIMON', 'MICHEL', 'LEFEBVRE', 'LEROY', 'ROUX', 'DAVID', 'BERTRAND', 'MOREL', 'FOURNIER', 'GIRARD',
  'BONNET', 'DUPONT', 'LAMBERT', 'FONTAINE', 'ROUSSEAU', 'VINCENT', 'LEFÈVRE', 'GUÉRIN', 'FRANÇOIS', 'CHEVALIER',
  'ANDRÉ', 'MERCIER', 'BLANC', 'GAUTHIER', 'PERRIN', 'GARNIER', 'FAURE', 'ROUSSEL', 'NICOLAS', 'HENRY',
  'MATHIEU', 'COLIN', 'CLÉMENT', 'MARCHAL', 'PIERRE', 'HUMBERT', 'COLLIN', 'DIDIER', 'THIÉBAUT', 'JACQUOT',
  'GRANDJEAN', 'VAUTRIN', 'ANTOINE', 'GÉRARD', 'BARBIER', 'LEMAIRE', 'MASSON', 'JACOB', 'HUGUENIN', 'GEORGES',
];

export const IMMIGRATION_SURNAMES: Readonly<Record<'tr' | 'mg' | 'it' | 'pt' | 'pl', readonly string[]>> = {
  tr: ['YILMAZ', 'KAYA', 'DEMIR', 'SAHIN', 'CELIK', 'YILDIZ', 'ÖZTÜRK', 'AYDIN', 'ARSLAN', 'DOGAN', 'KILIC', 'ASLAN', 'KOC', 'OZDEMIR', 'POLAT', 'GÜNES'],
  mg: ['BENALI', 'BOUZIANE', 'HADDAD', 'MANSOURI', 'BELKACEM', 'BENMOHAMED', 'CHERIF', 'AMRANI', 'SAIDI', 'BRAHIMI', 'KHELIFI', 'ZIANI', 'MEZIANE', 'BOUAZIZ', 'EL HADDAOUI', 'BEN AMAR'],
  it: ['RICCI', 'ROSSI', 'ESPOSITO', 'BIANCHI', 'COLOMBO', 'FERRARI', 'DI MARCO', 'GRECO', 'MARINO', 'LOMBARDI', 'CASTELLI', 'DE LUCA'],
  pt: ['DA SILVA', 'DOS SANTOS', 'PEREIRA', 'FERREIRA', 'RODRIGUES', 'MARTINS', 'GONÇALVES', 'FERNANDES', 'LOPES', 'ALVES', 'TEIXEIRA', 'DA COSTA'],
  pl: ['KOWALSKI', 'NOWAK', 'WOJCIK', 'SZYMANSKI', 'LEWANDOWSKI', 'KAMINSKI'],
};

/** Share of the staff per surname origin (top 10 ≈ 15 %, other Alsatian ≈ 55 %, rest of France and immigration ≈ 30 %). */
export const ORIGIN_WEIGHTS: ReadonlyArray<readonly [Origin, number]> = [
  ['top', 15], ['als', 52.5], ['uml', 2.5], ['fr', 18], ['tr', 4], ['mg', 4], ['it', 2], ['pt', 2.5], ['pl', 1],
];

export type Origin = 'top' | 'als' | 'uml' | 'fr' | 'tr' | 'mg' | 'it' | 'pt' | 'pl';

type Era = 'old' | 'mid' | 'young';
/** Given names by generation (born before 1970, 1970–1986, after 1986). */
export const GIVEN_FR: Readonly<Record<'F' | 'M', Readonly<Record<Era, readonly string[]>>>> = {
  F: {
    old: ['Marie-Odile', 'Marie-Thérèse', 'Anne-Marie', 'Odile', 'Christiane', 'Monique', 'Brigitte', 'Martine', 'Christine', 'Sylvie', 'Catherine', 'Francine', 'Danièle', 'Marie-Claude', 'Marie-Paule', 'Doris', 'Liliane', 'Bernadette', 'Évelyne', 'Josiane', 'Marlène', 'Anne', 'Agnès', 'Marie-Christine',
      'Marie-Louise', 'Marie-Jeanne', 'Paulette', 'Régine', 'Huguette', 'Colette', 'Gisèle', 'Mireille', 'Dominique', 'Françoise', 'Annie', 'Chantal', 'Denise', 'Jacqueline', 'Yvette', 'Solange', 'Ginette', 'Irène'],
    mid: ['Nathalie', 'Valérie', 'Sandrine', 'Isabelle', 'Stéphanie', 'Céline', 'Anne-Catherine', 'Sophie', 'Véronique', 'Karine', 'Virginie', 'Aurélie', 'Émilie', 'Sabrina', 'Delphine', 'Caroline', 'Séverine', 'Audrey', 'Laetitia', 'Carole', 'Corinne', 'Anne', 'Christelle', 'Anne-Sophie',
      'Muriel', 'Patricia', 'Florence', 'Hélène', 'Anne-Laure', 'Marie-Laure', 'Cécile', 'Elisabeth', 'Agnès', 'Géraldine', 'Nadine', 'Annick', 'Magali', 'Vanessa', 'Alexandra', 'Marie-Hélène', 'Estelle', 'Fabienne'],
    young: ['Julie', 'Laura', 'Camille', 'Marine', 'Pauline', 'Léa', 'Manon', 'Chloé', 'Sarah', 'Mélanie', 'Élodie', 'Anaïs', 'Justine', 'Marion', 'Charlotte', 'Océane', 'Clara', 'Morgane', 'Lucie', 'Emma', 'Amandine', 'Jessica', 'Anne', 'Mathilde',
      'Inès', 'Margaux', 'Alice', 'Eva', 'Lisa', 'Marie', 'Zoé', 'Jade', 'Louise', 'Noémie', 'Elise', 'Coralie', 'Audrey', 'Cindy', 'Estelle', 'Ophélie', 'Romane', 'Léna'],
  },
  M: {
    old: ['Jean-Luc', 'Jean-Marc', 'Jean-Paul', 'Jean-Claude', 'Jean-Pierre', 'Bernard', 'Gérard', 'Alain', 'Michel', 'Daniel', 'Gilbert', 'René', 'Joseph', 'Marcel', 'André', 'Francis', 'Roland', 'Raymond', 'Rémy', 'Armand', 'Jean-Jacques', 'Charles',
      'Jean-Louis', 'Jean-Michel', 'Christian', 'Claude', 'Gilles', 'Jacques', 'Guy', 'Hubert', 'Maurice', 'Robert', 'Yves', 'Dominique', 'Bruno', 'Marc', 'Antoine', 'Xavier'],
    mid: ['Thierry', 'Christophe', 'Stéphane', 'Olivier', 'Frédéric', 'Laurent', 'Pascal', 'Sébastien', 'Vincent', 'Éric', 'Philippe', 'Patrick', 'Jean-François', 'Jérôme', 'Cédric', 'Fabrice', 'Didier', 'Serge', 'Yannick', 'Mathieu', 'Jean-Marc', 'Jean-Luc',
      'David', 'Franck', 'Lionel', 'Emmanuel', 'Arnaud', 'Benoît', 'Hervé', 'Samuel', 'Grégory', 'Jean-Philippe', 'Marc', 'Raphaël', 'Damien', 'Xavier', 'Bertrand', 'Joël'],
    young: ['Nicolas', 'Julien', 'Thomas', 'Maxime', 'Kevin', 'Alexandre', 'Romain', 'Florian', 'Guillaume', 'Antoine', 'Hugo', 'Lucas', 'Quentin', 'Théo', 'Mathis', 'Benjamin', 'Jonathan', 'Anthony', 'Adrien', 'Valentin', 'Jérémy', 'Loïc',
      'Paul', 'Louis', 'Arthur', 'Victor', 'Clément', 'Simon', 'Pierre', 'Baptiste', 'Jordan', 'Dylan', 'Raphaël', 'Tom', 'Enzo', 'Léo', 'Mickaël', 'Aurélien', 'Bastien'],
  },
};

export const GIVEN_OTHER: Readonly<Record<'tr' | 'mg' | 'it' | 'pt' | 'pl', Readonly<Record<'F' | 'M', readonly string[]>>>> = {
  tr: { F: ['Ayse', 'Fatma', 'Emine', 'Zeynep', 'Elif', 'Hatice', 'Merve', 'Esra', 'Derya', 'Sibel', 'Gül', 'Özlem'], M: ['Mehmet', 'Ahmet', 'Mustafa', 'Ali', 'Hasan', 'Hüseyin', 'Ibrahim', 'Emre', 'Burak', 'Murat', 'Serkan', 'Volkan', 'Yusuf', 'Kemal'] },
  mg: { F: ['Fatima', 'Nadia', 'Samira', 'Yasmina', 'Leïla', 'Karima', 'Nora', 'Malika', 'Sonia', 'Amel', 'Inès', 'Myriam', 'Hanane'], M: ['Mohamed', 'Karim', 'Mehdi', 'Sofiane', 'Rachid', 'Nordine', 'Farid', 'Yacine', 'Bilal', 'Saïd', 'Hakim', 'Samir', 'Youssef', 'Amine'] },
  it: { F: ['Maria', 'Giulia', 'Francesca', 'Laura', 'Sandra'], M: ['Giuseppe', 'Antonio', 'Marco', 'Luca', 'Salvatore'] },
  pt: { F: ['Maria', 'Ana', 'Sandra', 'Sónia', 'Cátia'], M: ['José', 'Manuel', 'Paulo', 'Carlos', 'António'] },
  pl: { F: ['Sylvie', 'Christine', 'Anna'], M: ['Stanislas', 'Casimir', 'Christophe'] },
};

/** Further civil-status given names in the Catholic Alsatian tradition (`Marie Odile Anne`). */
export const EXTRA_GIVEN: Readonly<Record<'F' | 'M', readonly string[]>> = {
  F: ['Marie', 'Anne', 'Odile', 'Louise', 'Thérèse', 'Jeanne', 'Madeleine', 'Élisabeth', 'Joséphine', 'Françoise', 'Cécile', 'Hélène', 'Claire', 'Marguerite'],
  M: ['Joseph', 'Charles', 'Pierre', 'Paul', 'Xavier', 'Antoine', 'Louis', 'Eugène', 'Alphonse', 'Jean', 'François', 'Michel', 'Georges', 'Albert'],
};

export type SiteKey = 'ried' | 'sundgau' | 'ehpad';
export type ServiceKind = 'clinical' | 'imaging' | 'lab' | 'pharma' | 'rehab' | 'admin' | 'tech' | 'ehpad' | 'maternity' | 'paediatrics';

export interface Service {
  code: string;
  label: string;
  site: SiteKey;
  kind: ServiceKind;
  /** The specialty of the doctors of this service (register savoir-faire). */
  specialty?: readonly [string, string];
}

const MG: readonly [string, string] = ['SM53', 'Spécialiste en Médecine Générale'];
export const SERVICES: readonly Service[] = [
  { code: '1010', label: 'Urgences - SMUR', site: 'ried', kind: 'clinical', specialty: ['SM54', "Médecine d'urgence"] },
  { code: '1020', label: 'Réanimation polyvalente', site: 'ried', kind: 'clinical', specialty: ['SM02', 'Anesthésie-réanimation'] },
  { code: '1030', label: 'Médecine interne', site: 'ried', kind: 'clinical', specialty: ['SM31', 'Médecine interne'] },
  { code: '1040', label: 'Cardiologie', site: 'ried', kind: 'clinical', specialty: ['SM04', 'Cardiologie et maladies vasculaires'] },
  { code: '1050', label: 'Pneumologie', site: 'ried', kind: 'clinical', specialty: ['SM41', 'Pneumologie'] },
  { code: '1060', label: 'Gastro-entérologie', site: 'ried', kind: 'clinical', specialty: ['SM15', 'Gastro-entérologie et hépatologie'] },
  { code: '1110', label: 'Chirurgie viscérale et digestive', site: 'ried', kind: 'clinical', specialty: ['SM08', 'Chirurgie viscérale et digestive'] },
  { code: '1120', label: 'Chirurgie orthopédique et traumatologique', site: 'ried', kind: 'clinical', specialty: ['SM12', 'Chirurgie orthopédique et traumatologie'] },
  { code: '1130', label: 'Bloc opératoire', site: 'ried', kind: 'clinical', specialty: ['SM02', 'Anesthésie-réanimation'] },
  { code: '1140', label: 'Anesthésie', site: 'ried', kind: 'clinical', specialty: ['SM02', 'Anesthésie-réanimation'] },
  { code: '1150', label: 'Hôpital de jour médecine', site: 'ried', kind: 'clinical', specialty: ['SM31', 'Médecine interne'] },
  { code: '1160', label: 'Consultations externes', site: 'ried', kind: 'clinical', specialty: MG },
  { code: '1210', label: 'Maternité - Gynécologie-obstétrique', site: 'ried', kind: 'maternity', specialty: ['SM20', 'Gynécologie-obstétrique'] },
  { code: '1220', label: 'Pédiatrie - Néonatologie', site: 'ried', kind: 'paediatrics', specialty: ['SM40', 'Pédiatrie'] },
  { code: '1310', label: 'Imagerie médicale', site: 'ried', kind: 'imaging', specialty: ['SM44', 'Radio-diagnostic et imagerie médicale'] },
  { code: '1320', label: 'Laboratoire de biologie médicale', site: 'ried', kind: 'lab', specialty: ['SM03', 'Biologie médicale'] },
  { code: '1330', label: 'Pharmacie à usage intérieur', site: 'ried', kind: 'pharma' },
  { code: '1340', label: 'Rééducation fonctionnelle', site: 'ried', kind: 'rehab' },
  { code: '1410', label: 'Direction générale', site: 'ried', kind: 'admin' },
  { code: '1420', label: 'Direction des ressources humaines', site: 'ried', kind: 'admin' },
  { code: '1430', label: 'Direction des finances', site: 'ried', kind: 'admin' },
  { code: '1440', label: 'Bureau des entrées', site: 'ried', kind: 'admin' },
  { code: '1450', label: "Direction du système d'information", site: 'ried', kind: 'admin' },
  { code: '1460', label: 'Qualité - gestion des risques', site: 'ried', kind: 'admin' },
  { code: '1510', label: 'Services techniques', site: 'ried', kind: 'tech' },
  { code: '1520', label: 'Restauration', site: 'ried', kind: 'tech' },
  { code: '1530', label: 'Logistique - magasin', site: 'ried', kind: 'tech' },
  { code: '1540', label: 'Brancardage', site: 'ried', kind: 'tech' },
  { code: '2010', label: 'Médecine polyvalente', site: 'sundgau', kind: 'clinical', specialty: MG },
  { code: '2020', label: 'Soins de suite et de réadaptation', site: 'sundgau', kind: 'clinical', specialty: ['SM26', 'Qualifié en Médecine Générale'] },
  { code: '2030', label: 'Unité de soins de longue durée', site: 'sundgau', kind: 'clinical', specialty: ['SM26', 'Qualifié en Médecine Générale'] },
  { code: '2040', label: 'Centre de soins non programmés', site: 'sundgau', kind: 'clinical', specialty: ['SM54', "Médecine d'urgence"] },
  { code: '2050', label: 'Consultations avancées', site: 'sundgau', kind: 'clinical', specialty: MG },
  { code: '2110', label: 'Imagerie médicale (Sundgau)', site: 'sundgau', kind: 'imaging', specialty: ['SM44', 'Radio-diagnostic et imagerie médicale'] },
  { code: '2120', label: 'Rééducation SSR', site: 'sundgau', kind: 'rehab' },
  { code: '2210', label: 'Administration site Sundgau', site: 'sundgau', kind: 'admin' },
  { code: '2220', label: 'Services techniques Sundgau', site: 'sundgau', kind: 'tech' },
  { code: '3010', label: 'EHPAD - Unité Les Vergers', site: 'ehpad', kind: 'ehpad', specialty: ['SM26', 'Qualifié en Médecine Générale'] },
  { code: '3020', label: 'EHPAD - Unité de vie protégée', site: 'ehpad', kind: 'ehpad', specialty: ['SM26', 'Qualifié en Médecine Générale'] },
  { code: '3030', label: 'EHPAD - PASA', site: 'ehpad', kind: 'ehpad', specialty: ['SM26', 'Qualifié en Médecine Générale'] },
  { code: '3040', label: 'EHPAD - Accueil et administration', site: 'ehpad', kind: 'admin' },
];

export type JobKey =
  | 'medecin' | 'interne' | 'pharmacien' | 'sagefemme' | 'infirmier' | 'cadresante' | 'aidesoignant' | 'auxpuer'
  | 'ash' | 'kine' | 'manip' | 'preparateur' | 'techlabo' | 'ergo' | 'dieteticien' | 'psychologue' | 'admin' | 'technique' | 'animateur';

export interface Job {
  key: JobKey;
  /** HR job labels (EMPLOI), in capitals without accents as the SIRH writes them. */
  labels: readonly string[];
  /** Share of the staff, percent. */
  weight: number;
  /** Register profession (TRE_G15), when the profession is registered. */
  register?: readonly [string, string];
  /** Share of the people of this job who have an RPPS number (RPPS+ for aides-soignants). */
  registered: number;
  /** Share who have their RPPS written in HR, among those who have one. */
  rppsInHr: number;
  kinds: ReadonlyArray<readonly [ServiceKind, number]>;
  /** Age at hiring, years. */
  ages: readonly [number, number];
}

export const JOBS: readonly Job[] = [
  { key: 'medecin', labels: ['PRATICIEN HOSPITALIER', 'PRATICIEN HOSPITALIER', 'PRATICIEN CONTRACTUEL', 'ASSISTANT SPECIALISTE', 'PRATICIEN ATTACHE'], weight: 8.5, register: ['10', 'Médecin'], registered: 1, rppsInHr: 0.62, kinds: [['clinical', 7], ['imaging', 0.9], ['lab', 0.35], ['ehpad', 0.25], ['maternity', 0.6], ['paediatrics', 0.6]], ages: [28, 55] },
  { key: 'interne', labels: ['INTERNE EN MEDECINE'], weight: 3, register: ['10', 'Médecin'], registered: 1, rppsInHr: 0.15, kinds: [['clinical', 6], ['imaging', 0.6], ['maternity', 0.5], ['paediatrics', 0.5]], ages: [24, 30] },
  { key: 'pharmacien', labels: ['PHARMACIEN PRATICIEN HOSPITALIER', 'PHARMACIEN ASSISTANT'], weight: 0.8, register: ['21', 'Pharmacien'], registered: 1, rppsInHr: 0.7, kinds: [['pharma', 3], ['lab', 1]], ages: [27, 50] },
  { key: 'sagefemme', labels: ['SAGE-FEMME'], weight: 1.8, register: ['50', 'Sage-Femme'], registered: 1, rppsInHr: 0.5, kinds: [['maternity', 1]], ages: [23, 45] },
  { key: 'infirmier', labels: ['INFIRMIER EN SOINS GENERAUX', 'INFIRMIER EN SOINS GENERAUX', 'INFIRMIER EN SOINS GENERAUX', 'INFIRMIER DE BLOC OPERATOIRE', 'INFIRMIER ANESTHESISTE', 'PUERICULTRICE'], weight: 25, register: ['60', 'Infirmier'], registered: 1, rppsInHr: 0.37, kinds: [['clinical', 6], ['ehpad', 1.1], ['imaging', 0.15], ['maternity', 0.3], ['paediatrics', 0.5]], ages: [21, 45] },
  { key: 'cadresante', labels: ['CADRE DE SANTE', 'CADRE SUPERIEUR DE SANTE'], weight: 1.5, register: ['60', 'Infirmier'], registered: 1, rppsInHr: 0.45, kinds: [['clinical', 5], ['ehpad', 1], ['imaging', 0.3]], ages: [35, 52] },
  { key: 'aidesoignant', labels: ['AIDE-SOIGNANT'], weight: 20, register: ['35', 'Aide-soignant'], registered: 0.4, rppsInHr: 0.25, kinds: [['clinical', 4], ['ehpad', 2.6], ['maternity', 0.2], ['imaging', 0.1]], ages: [19, 50] },
  { key: 'auxpuer', labels: ['AUXILIAIRE DE PUERICULTURE'], weight: 1.0, register: ['37', 'Auxiliaire de puériculture'], registered: 0.4, rppsInHr: 0.25, kinds: [['maternity', 1], ['paediatrics', 1]], ages: [19, 45] },
  { key: 'ash', labels: ['AGENT DES SERVICES HOSPITALIERS QUALIFIE'], weight: 7.5, registered: 0, rppsInHr: 0, kinds: [['clinical', 3], ['ehpad', 1.6], ['tech', 0.6]], ages: [18, 55] },
  { key: 'kine', labels: ['MASSEUR-KINESITHERAPEUTE'], weight: 1.4, register: ['70', 'Masseur-Kinésithérapeute'], registered: 1, rppsInHr: 0.4, kinds: [['rehab', 3], ['ehpad', 0.4]], ages: [22, 45] },
  { key: 'manip', labels: ["MANIPULATEUR D'ELECTRORADIOLOGIE MEDICALE"], weight: 1.8, register: ['98', 'Manipulateur ERM'], registered: 1, rppsInHr: 0.35, kinds: [['imaging', 1]], ages: [21, 45] },
  { key: 'preparateur', labels: ['PREPARATEUR EN PHARMACIE HOSPITALIERE'], weight: 0.8, register: ['38', 'Préparateur en pharmacie hospitalière'], registered: 1, rppsInHr: 0.3, kinds: [['pharma', 1]], ages: [20, 45] },
  { key: 'techlabo', labels: ['TECHNICIEN DE LABORATOIRE'], weight: 1.5, register: ['86', 'Technicien de laboratoire médical'], registered: 1, rppsInHr: 0.3, kinds: [['lab', 1]], ages: [21, 45] },
  { key: 'ergo', labels: ['ERGOTHERAPEUTE'], weight: 0.4, register: ['94', 'Ergothérapeute'], registered: 1, rppsInHr: 0.3, kinds: [['rehab', 1]], ages: [22, 45] },
  { key: 'dieteticien', labels: ['DIETETICIEN'], weight: 0.4, register: ['95', 'Diététicien'], registered: 1, rppsInHr: 0.3, kinds: [['rehab', 1], ['clinical', 0.3]], ages: [21, 45] },
  { key: 'psychologue', labels: ['PSYCHOLOGUE'], weight: 0.7, registered: 0, rppsInHr: 0, kinds: [['clinical', 2], ['ehpad', 0.5]], ages: [24, 50] },
  { key: 'admin', labels: ['ADJOINT ADMINISTRATIF', 'ADJOINT ADMINISTRATIF', 'ASSISTANT MEDICO-ADMINISTRATIF', 'ASSISTANT MEDICO-ADMINISTRATIF', 'ADJOINT DES CADRES HOSPITALIERS', "ATTACHE D'ADMINISTRATION HOSPITALIERE", 'TECHNICIEN SUPERIEUR HOSPITALIER', 'DIRECTEUR ADJOINT'], weight: 13, registered: 0, rppsInHr: 0, kinds: [['admin', 3], ['clinical', 0.8], ['imaging', 0.15], ['lab', 0.1], ['maternity', 0.1]], ages: [19, 55] },
  { key: 'technique', labels: ['AGENT DE MAITRISE', 'OUVRIER PRINCIPAL', 'AGENT D\'ENTRETIEN QUALIFIE', 'BRANCARDIER', 'CUISINIER', 'MAGASINIER', 'TECHNICIEN HOSPITALIER'], weight: 7, registered: 0, rppsInHr: 0, kinds: [['tech', 1]], ages: [18, 55] },
  { key: 'animateur', labels: ['ANIMATEUR'], weight: 0.3, registered: 0, rppsInHr: 0, kinds: [['ehpad', 1]], ages: [20, 45] },
];

/** Register professions of professionals elsewhere (namesakes and others), with weights. */
export const REGISTER_PROFESSIONS: ReadonlyArray<readonly [readonly [string, string], number]> = [
  [['60', 'Infirmier'], 40], [['10', 'Médecin'], 22], [['70', 'Masseur-Kinésithérapeute'], 9], [['21', 'Pharmacien'], 7],
  [['35', 'Aide-soignant'], 8], [['50', 'Sage-Femme'], 2.5], [['40', 'Chirurgien-Dentiste'], 4], [['91', 'Orthophoniste'], 2.5],
  [['98', 'Manipulateur ERM'], 2], [['86', 'Technicien de laboratoire médical'], 1.5], [['80', 'Pédicure-Podologue'], 1.5],
];

export const OTHER_SPECIALTIES: ReadonlyArray<readonly [string, string]> = [
  ['SM53', 'Spécialiste en Médecine Générale'], ['SM53', 'Spécialiste en Médecine Générale'], ['SM26', 'Qualifié en Médecine Générale'],
  ['SM02', 'Anesthésie-réanimation'], ['SM04', 'Cardiologie et maladies vasculaires'], ['SM44', 'Radio-diagnostic et imagerie médicale'],
  ['SM20', 'Gynécologie-obstétrique'], ['SM40', 'Pédiatrie'], ['SM42', 'Psychiatrie'], ['SM38', 'Ophtalmologie'], ['SM18', 'Dermatologie et vénéréologie'],
];

/** Departments and towns of the structures elsewhere; Grand Est first. */
export const GRAND_EST: ReadonlyArray<readonly [string, string, ReadonlyArray<readonly [string, string, string]>]> = [
  ['67', 'Bas-Rhin', [['STRASBOURG', '67000', '67482'], ['HAGUENAU', '67500', '67180'], ['SELESTAT', '67600', '67462'], ['SAVERNE', '67700', '67437'], ['OBERNAI', '67210', '67348'], ['MOLSHEIM', '67120', '67300'], ['ERSTEIN', '67150', '67130']]],
  ['68', 'Haut-Rhin', [['MULHOUSE', '68100', '68224'], ['COLMAR', '68000', '68066'], ['GUEBWILLER', '68500', '68112'], ['ALTKIRCH', '68130', '68004'], ['THANN', '68800', '68334'], ['SAINT-LOUIS', '68300', '68297']]],
  ['57', 'Moselle', [['METZ', '57000', '57463'], ['THIONVILLE', '57100', '57672'], ['SARREGUEMINES', '57200', '57631'], ['FORBACH', '57600', '57227'], ['SARREBOURG', '57400', '57630']]],
  ['54', 'Meurthe-et-Moselle', [['NANCY', '54000', '54395'], ['LUNEVILLE', '54300', '54329']]],
  ['88', 'Vosges', [['EPINAL', '88000', '88160'], ['SAINT-DIE-DES-VOSGES', '88100', '88413']]],
  ['51', 'Marne', [['REIMS', '51100', '51454']]],
];
export const ELSEWHERE: ReadonlyArray<readonly [string, string, ReadonlyArray<readonly [string, string, string]>]> = [
  ['75', 'Paris', [['PARIS', '75013', '75113'], ['PARIS', '75010', '75110']]],
  ['69', 'Rhône', [['LYON', '69003', '69383']]],
  ['13', 'Bouches-du-Rhône', [['MARSEILLE', '13005', '13205']]],
  ['31', 'Haute-Garonne', [['TOULOUSE', '31300', '31555']]],
  ['33', 'Gironde', [['BORDEAUX', '33000', '33063']]],
  ['59', 'Nord', [['LILLE', '59000', '59350']]],
  ['25', 'Doubs', [['BESANCON', '25000', '25056']]],
  ['90', 'Territoire de Belfort', [['BELFORT', '90000', '90010']]],
  ['21', "Côte-d'Or", [['DIJON', '21000', '21231']]],
  ['44', 'Loire-Atlantique', [['NANTES', '44000', '44109']]],
];

export const STRUCTURE_KINDS: ReadonlyArray<readonly [string, string, string]> = [
  ['CENTRE HOSPITALIER DE', 'SA01', 'Etablissement public de santé'],
  ['CLINIQUE SAINTE-ODILE', 'SA02', 'Etablissement privé PSPH'],
  ['CLINIQUE DU PARC', 'SA03', 'Etablissement privé commercial'],
  ['EHPAD LES TILLEULS', 'SA17', 'Etablissement pour personnes âgées'],
  ['CENTRE DE READAPTATION DE', 'SA05', 'Etablissement de soins de suite'],
];

/** Generic and service accounts of the directory. */
export const AD_GENERIC: ReadonlyArray<readonly [string, string]> = [
  ['accueil.urgences', 'Poste accueil Urgences'], ['accueil.ried', 'Accueil principal Ried'], ['accueil.sundgau', 'Accueil site Sundgau'],
  ['secretariat.cardio', 'Secrétariat Cardiologie'], ['secretariat.chir', 'Secrétariat Chirurgie'], ['secretariat.imagerie', 'Secrétariat Imagerie'],
  ['secretariat.mater', 'Secrétariat Maternité'], ['secretariat.ssr', 'Secrétariat SSR'], ['ide.nuit.medecine', 'IDE de nuit Médecine interne'],
  ['ide.nuit.ssr', 'IDE de nuit SSR'], ['ide.ehpad', 'Poste infirmier EHPAD'], ['cadre.garde', 'Cadre de garde'], ['bloc.salle1', 'Bloc salle 1'],
  ['bloc.salle2', 'Bloc salle 2'], ['pharma.robot', 'Automate PUI'], ['labo.automate', 'Automates laboratoire'], ['scan01', 'Scanner Ried'],
  ['irm01', 'IRM Ried'], ['svc_sql', 'Service SQL Server'], ['svc_backup', 'Veeam backup'], ['svc_ris', 'Service RIS/PACS'],
  ['svc_sil', 'Interface SIL'], ['svc_badge', 'Serveur contrôle d\'accès'], ['svc_print', 'Serveur d\'impression'], ['adm.dsi', 'Administrateur DSI'],
  ['formation01', 'Compte formation'], ['formation02', 'Compte formation'], ['test.dpi', 'Tests DPI'], ['stagiaire.ifsi', 'Étudiants IFSI'],
  ['borne.self', 'Borne self-service'], ['visio.salle.conseil', 'Salle du conseil'],
];
