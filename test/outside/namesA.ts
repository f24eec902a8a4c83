/**
 * Name lists of team A (one hospital in Burgundy). Surnames are ranked roughly as in the INSEE
 * birth records (MARTIN first); the weight of rank r is 1 / r^0.75, so the head dominates the
 * way it does in a real staff list. Given names carry the year they peaked, so a nurse born in
 * 1968 is a Nathalie or a Sylvie and one born in 1998 a Manon or a Léa.
 */

/** Surnames in rank order (display form, with accents and particles where French spells them). */
export const surnamesByRankA: readonly string[] = [
  'Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Dubois', 'Moreau', 'Laurent',
  'Simon', 'Michel', 'Lefebvre', 'Leroy', 'Roux', 'David', 'Bertrand', 'Morel', 'Fournier', 'Girard',
  'Bonnet', 'Dupont', 'Lambert', 'Fontaine', 'Rousseau', 'Vincent', 'Muller', 'Lefèvre', 'Faure', 'André',
  'Mercier', 'Blanc', 'Guérin', 'Boyer', 'Garnier', 'Chevalier', 'François', 'Legrand', 'Gauthier', 'Garcia',
  'Perrin', 'Robin', 'Clément', 'Morin', 'Nicolas', 'Henry', 'Roussel', 'Mathieu', 'Gautier', 'Masson',
  'Marchand', 'Duval', 'Denis', 'Dumont', 'Marie', 'Lemaire', 'Noël', 'Meyer', 'Dufour', 'Meunier',
  'Brun', 'Blanchard', 'Giraud', 'Joly', 'Rivière', 'Lucas', 'Brunet', 'Gaillard', 'Barbier', 'Arnaud',
  'Martinez', 'Gérard', 'Roche', 'Renard', 'Schmitt', 'Roy', 'Leroux', 'Colin', 'Vidal', 'Caron',
  'Picard', 'Roger', 'Fabre', 'Aubert', 'Lemoine', 'Renaud', 'Dumas', 'Lacroix', 'Olivier', 'Philippe',
  'Bourgeois', 'Pierre', 'Benoît', 'Rey', 'Leclerc', 'Payet', 'Rolland', 'Leclercq', 'Guillaume', 'Lecomte',
  'Lopez', 'Jean', 'Dupuy', 'Guillot', 'Hubert', 'Berger', 'Carpentier', 'Sanchez', 'Dupuis', 'Moulin',
  'Louis', 'Deschamps', 'Huet', 'Vasseur', 'Perez', 'Boucher', 'Fleury', 'Royer', 'Klein', 'Jacquet',
  'Adam', 'Paris', 'Poirier', 'Marty', 'Aubry', 'Guyot', 'Carré', 'Charles', 'Renault', 'Charpentier',
  'Ménard', 'Maillard', 'Baron', 'Bertin', 'Bailly', 'Hervé', 'Schneider', 'Fernandez', 'Le Gall', 'Collet',
  'Léger', 'Bouvier', 'Julien', 'Prévost', 'Millet', 'Perrot', 'Daniel', 'Le Roux', 'Cousin', 'Germain',
  'Breton', 'Besson', 'Langlois', 'Rémy', 'Le Goff', 'Pelletier', 'Lévêque', 'Perrier', 'Leblanc', 'Barré',
  'Lebrun', 'Marchal', 'Weber', 'Mallet', 'Hamon', 'Boulanger', 'Jacob', 'Monnier', 'Michaud', 'Rodriguez',
  'Guichard', 'Gillet', 'Étienne', 'Grondin', 'Poulain', 'Tessier', 'Chevallier', 'Collin', 'Chauvin', 'Da Silva',
  'Bouchet', 'Gay', 'Lemaître', 'Bénard', 'Maréchal', 'Humbert', 'Reynaud', 'Antoine', 'Hoarau', 'Perret',
  'Barthélemy', 'Cordier', 'Pichon', 'Lejeune', 'Gilbert', 'Lamy', 'Delaunay', 'Pasquier', 'Carlier', 'Laporte',
  'Dos Santos', 'Ferreira', 'Pereira', 'Rodrigues', 'Nguyen', 'Diallo', 'Traoré', 'Benali', 'Haddad', 'Mansouri',
  "d'Almeida", 'de Oliveira', 'de Sousa', 'De La Fontaine', "N'Diaye", 'Ben Ahmed', 'El Amrani', 'Saint-Martin', 'Vuillemin', 'Bourgogne',
  'Cœurderoy', 'Pâris', 'Thévenin', 'Prud’homme', 'Chopin', 'Jobard', 'Lagrange', 'Ravier', 'Desbois', 'Favier',
];

export interface GivenNameA {
  readonly name: string;
  readonly sex: 'M' | 'F';
  readonly weight: number;
  readonly peak: number;
}

function n(name: string, sex: 'M' | 'F', weight: number, peak: number): GivenNameA {
  return { name, sex, weight, peak };
}

export const givenNamesA: readonly GivenNameA[] = [
  n('Marie', 'F', 9, 1965), n('Nathalie', 'F', 10, 1968), n('Isabelle', 'F', 9, 1965), n('Sylvie', 'F', 8, 1962),
  n('Catherine', 'F', 8, 1960), n('Sandrine', 'F', 9, 1972), n('Christine', 'F', 7, 1961), n('Valérie', 'F', 8, 1967),
  n('Véronique', 'F', 7, 1963), n('Stéphanie', 'F', 9, 1976), n('Céline', 'F', 9, 1979), n('Aurélie', 'F', 9, 1983),
  n('Émilie', 'F', 8, 1985), n('Julie', 'F', 9, 1986), n('Camille', 'F', 7, 1995), n('Laura', 'F', 7, 1991),
  n('Sarah', 'F', 7, 1993), n('Manon', 'F', 7, 1997), n('Léa', 'F', 6, 1999), n('Chloé', 'F', 6, 1997),
  n('Pauline', 'F', 7, 1988), n('Élodie', 'F', 7, 1984), n('Anne', 'F', 5, 1962), n('Sophie', 'F', 7, 1972),
  n('Caroline', 'F', 6, 1975), n('Virginie', 'F', 7, 1976), n('Laetitia', 'F', 6, 1978), n('Audrey', 'F', 6, 1983),
  n('Mélanie', 'F', 6, 1983), n('Marion', 'F', 5, 1988), n('Claire', 'F', 4, 1980), n('Hélène', 'F', 5, 1970),
  n('Florence', 'F', 4, 1966), n('Patricia', 'F', 5, 1960), n('Martine', 'F', 4, 1958), n('Christelle', 'F', 5, 1973),
  n('Karine', 'F', 5, 1972), n('Delphine', 'F', 5, 1974), n('Séverine', 'F', 4, 1976), n('Anaïs', 'F', 4, 1992),
  n('Marine', 'F', 4, 1991), n('Justine', 'F', 4, 1992), n('Océane', 'F', 3, 1998), n('Inès', 'F', 3, 2000),
  n('Amandine', 'F', 4, 1986), n('Marie-Christine', 'F', 3, 1960), n('Marie-Claire', 'F', 2, 1962), n('Anne-Sophie', 'F', 3, 1981),
  n('Marie-Laure', 'F', 2, 1970), n('Marie-Hélène', 'F', 2, 1962), n('Anne-Laure', 'F', 2, 1980), n('Fatima', 'F', 2, 1975),
  n('Nadia', 'F', 2, 1972), n('Samira', 'F', 2, 1976), n('Yasmina', 'F', 1, 1982), n('Gaëlle', 'F', 2, 1982),
  n('Agnès', 'F', 2, 1962), n('Françoise', 'F', 2, 1955), n('Maëlle', 'F', 2, 1998), n('Clémence', 'F', 2, 1994),
  n('Jean', 'M', 6, 1958), n('Philippe', 'M', 7, 1962), n('Michel', 'M', 5, 1958), n('Alain', 'M', 4, 1957),
  n('Patrick', 'M', 5, 1960), n('Nicolas', 'M', 8, 1979), n('Christophe', 'M', 7, 1970), n('Pierre', 'M', 5, 1975),
  n('Laurent', 'M', 6, 1968), n('Frédéric', 'M', 6, 1970), n('Stéphane', 'M', 6, 1970), n('Sébastien', 'M', 7, 1977),
  n('Julien', 'M', 7, 1983), n('David', 'M', 6, 1975), n('Thomas', 'M', 7, 1988), n('Olivier', 'M', 6, 1968),
  n('Éric', 'M', 5, 1965), n('Pascal', 'M', 4, 1962), n('Jérôme', 'M', 5, 1973), n('Vincent', 'M', 5, 1975),
  n('Franck', 'M', 4, 1970), n('Thierry', 'M', 4, 1962), n('Alexandre', 'M', 5, 1987), n('Guillaume', 'M', 5, 1984),
  n('Maxime', 'M', 5, 1991), n('Antoine', 'M', 4, 1990), n('Romain', 'M', 5, 1988), n('Kévin', 'M', 4, 1991),
  n('Mathieu', 'M', 4, 1981), n('Benjamin', 'M', 4, 1985), n('Hugo', 'M', 4, 1998), n('Lucas', 'M', 4, 1998),
  n('Jean-Pierre', 'M', 3, 1955), n('Jean-François', 'M', 3, 1960), n('Jean-Marc', 'M', 2, 1962), n('Jean-Luc', 'M', 2, 1960),
  n('Jean-Michel', 'M', 2, 1960), n('Jean-Philippe', 'M', 2, 1965), n('Pierre-Yves', 'M', 1, 1970), n('Mohamed', 'M', 3, 1978),
  n('Karim', 'M', 2, 1978), n('Mehdi', 'M', 2, 1988), n('Yannick', 'M', 2, 1970), n('Cédric', 'M', 3, 1978),
];

const TAIL_ROOTS = [
  'Bern', 'Gaill', 'Chab', 'Mor', 'Lam', 'Dur', 'Bouch', 'Pell', 'Garn', 'Mich', 'Roul', 'Vall', 'Fauch', 'Chaum', 'Gros',
  'Lebr', 'Sauv', 'Thib', 'Brach', 'Cham', 'Dev', 'Goud', 'Jouv', 'Mass', 'Perr', 'Riv', 'Tard', 'Vach', 'Chev', 'Bourd',
  'Dell', 'Font', 'Guill', 'Mart', 'Rob', 'Pich', 'Boul', 'Cour', 'Mén', 'Gér', 'Aub', 'Bar', 'Coll', 'Dum', 'Fav', 'Gir',
  'Jacqu', 'Lag', 'Mouch', 'Vern',
] as const;
const TAIL_ENDINGS = ['ard', 'aud', 'et', 'ier', 'on', 'ot', 'in', 'eau', 'oux', 'ault', 'ès', 'elin', 'iot', 'enet', 'ouin', 'at', 'and', 'illon', 'ey', 'eron', 'ignon', 'ade', 'ié', 'ourt'] as const;

/**
 * The long tail: most French people bear a surname shared by few others. Root + ending
 * combinations sound French enough (Chabrier, Gaillot, Rivière-like) and keep exact collisions rare.
 */
export const tailSurnamesA: readonly string[] = TAIL_ROOTS.flatMap((root) => TAIL_ENDINGS.map((ending) => root + ending));
