/**
 * Name pools for the synthetic demo hospital: frequent French surnames (INSEE-style frequency
 * order, so MARTIN is drawn far more often than a rare name), and first names by sex.
 * Accents, particles and compound forms are on purpose: the desk must cope with them.
 */
export const surnamesByFrequency = [
  'Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Dubois', 'Moreau', 'Laurent',
  'Simon', 'Michel', 'Lefèvre', 'Leroy', 'Roux', 'David', 'Bertrand', 'Morel', 'Fournier', 'Girard',
  'Bonnet', 'Dupont', 'Lambert', 'Fontaine', 'Rousseau', 'Vincent', 'Muller', 'Lefebvre', 'Faure', 'André',
  'Mercier', 'Blanc', 'Guérin', 'Boyer', 'Garnier', 'Chevalier', 'François', 'Legrand', 'Gauthier', 'Garcia',
  'Perrin', 'Robin', 'Clément', 'Morin', 'Nicolas', 'Henry', 'Roussel', 'Mathieu', 'Gautier', 'Masson',
  'Marchand', 'Duval', 'Denis', 'Dumont', 'Marie', 'Lemaire', 'Noël', 'Meyer', 'Dufour', 'Meunier',
  'Brun', 'Blanchard', 'Giraud', 'Joly', 'Rivière', 'Lucas', 'Brunet', 'Gaillard', 'Barbier', 'Arnaud',
  'Martinez', 'Gérard', 'Roche', 'Renard', 'Schmitt', 'Roy', 'Leroux', 'Colin', 'Vidal', 'Caron',
  'Picard', 'Roger', 'Fabre', 'Aubert', 'Lemoine', 'Renaud', 'Dumas', 'Lacroix', 'Olivier', 'Philippe',
  'Bourgeois', 'Pierre', 'Benoît', 'Rey', 'Leclerc', 'Payet', 'Rolland', 'Leclercq', 'Guillaume', 'Lecomte',
  'Le Goff', 'Le Gall', "D'Almeida", 'De La Fontaine', 'Da Silva', 'Nguyen', 'Ben Salah', 'Bénard', 'Féraud', 'Aubrée',
  'Lœuillet', 'Camus', 'Hoarau', 'Kerbrat', 'Van den Berg', 'Deschênes', 'Évrard', 'Ménard', 'Prévost', 'Besançon',
] as const;

export const femaleFirstNames = [
  'Marie', 'Nathalie', 'Isabelle', 'Sylvie', 'Catherine', 'Françoise', 'Christine', 'Sandrine', 'Valérie', 'Céline',
  'Stéphanie', 'Julie', 'Camille', 'Léa', 'Manon', 'Chloé', 'Émilie', 'Aurélie', 'Hélène', 'Anne',
  'Sophie', 'Laetitia', 'Élodie', 'Mélanie', 'Inès', 'Zoé', 'Anaïs', 'Noémie', 'Maëlle', 'Océane',
  'Marie-Claire', 'Anne-Sophie', 'Denise', 'Danielle', 'Josiane', 'Gaëlle', 'Agnès', 'Bérénice', 'Clémence', 'Joséphine',
] as const;

export const maleFirstNames = [
  'Jean', 'Philippe', 'Michel', 'Alain', 'Patrick', 'Nicolas', 'Christophe', 'Pierre', 'Christian', 'Éric',
  'Frédéric', 'Laurent', 'Stéphane', 'David', 'Julien', 'Thomas', 'Maxime', 'Lucas', 'Hugo', 'Théo',
  'Jérôme', 'Sébastien', 'François', 'Olivier', 'Benoît', 'Loïc', 'Gaël', 'Noël', 'Jean-Pierre', 'Jean-Marc',
  'Denis', 'Daniel', 'José', 'Mathéo', 'Raphaël', 'Anthony', 'Cédric', 'Grégoire', 'Hervé', 'Joël',
] as const;

/** Hospital services (code, label) of the demo establishment. */
export const demoServices = [
  ['URG', 'Urgences'],
  ['REA', 'Réanimation'],
  ['CARD', 'Cardiologie'],
  ['PED', 'Pédiatrie'],
  ['MAT', 'Maternité'],
  ['CHIR', 'Chirurgie viscérale'],
  ['RADIO', 'Imagerie médicale'],
  ['PHARM', 'Pharmacie à usage intérieur'],
  ['LABO', 'Laboratoire'],
  ['GER', 'Gériatrie'],
  ['PSY', 'Psychiatrie'],
  ['ADM', 'Direction des ressources humaines'],
  ['DSI', 'Direction du numérique'],
  ['BADGE', 'Bureau des badges'],
  ['LOG', 'Logistique'],
] as const;

/**
 * Jobs with their TRE_G15 profession code when the job is a registered health profession
 * (null otherwise), the HR grade label, and a weight for drawing.
 */
export const demoJobs = [
  { grade: 'Praticien hospitalier', g15: '10', label: 'Médecin', weight: 14 },
  { grade: 'Interne', g15: '10', label: 'Médecin', weight: 5 },
  { grade: 'Pharmacien', g15: '21', label: 'Pharmacien', weight: 2 },
  { grade: 'Sage-femme', g15: '50', label: 'Sage-Femme', weight: 3 },
  { grade: 'Infirmier diplômé d’État', g15: '60', label: 'Infirmier', weight: 26 },
  { grade: 'Masseur-kinésithérapeute', g15: '70', label: 'Masseur-Kinésithérapeute', weight: 2 },
  { grade: 'Aide-soignant', g15: '35', label: 'Aide-soignant', weight: 18 },
  { grade: 'Manipulateur radio', g15: null, label: 'Manipulateur en électroradiologie', weight: 3 },
  { grade: 'Adjoint administratif', g15: null, label: 'Adjoint administratif', weight: 12 },
  { grade: 'Agent des services hospitaliers', g15: null, label: 'ASH', weight: 10 },
  { grade: 'Ingénieur', g15: null, label: 'Ingénieur', weight: 3 },
  { grade: 'Technicien de laboratoire', g15: null, label: 'Technicien de laboratoire', weight: 2 },
] as const;
