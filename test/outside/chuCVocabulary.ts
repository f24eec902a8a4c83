/**
 * Vocabulary of generator C (CHU de Saint-Aubin-les-Marais, Maine-et-Loire): surnames with a rough
 * national frequency weight (MARTIN 100), Anjou/Maine surnames, names of Vietnamese, Maghrebi,
 * Portuguese and West African origin, given names by origin and sex, and the communes where
 * professionals elsewhere in France work.
 */

export type Origin = 'fr' | 'vn' | 'mg' | 'pt' | 'af';

export interface SurnameEntry {
  readonly name: string;
  readonly weight: number;
  readonly origin: Origin;
}

function entries(origin: Origin, text: string): SurnameEntry[] {
  return text
    .trim()
    .split(/\s*;\s*/)
    .map((item) => {
      const cut = item.lastIndexOf(' ');
      return { name: item.slice(0, cut), weight: Number(item.slice(cut + 1)), origin };
    });
}

/** Surnames as civil status writes them (capitals, accents kept). */
export const SURNAMES: readonly SurnameEntry[] = [
  ...entries(
    'fr',
    `MARTIN 100; BERNARD 55; THOMAS 45; PETIT 42; ROBERT 40; RICHARD 40; DURAND 38; DUBOIS 38; MOREAU 36;
    LAURENT 34; SIMON 33; MICHEL 33; LEFEBVRE 32; LEROY 31; ROUX 30; DAVID 30; BERTRAND 29; MOREL 29;
    FOURNIER 28; GIRARD 28; BONNET 27; DUPONT 27; LAMBERT 26; FONTAINE 26; ROUSSEAU 25; VINCENT 25;
    MULLER 24; LEFÈVRE 24; FAURE 23; ANDRÉ 23; MERCIER 23; BLANC 22; GUÉRIN 22; BOYER 21; GARNIER 21;
    CHEVALIER 21; FRANÇOIS 20; LEGRAND 20; GAUTHIER 20; GARCIA 20; PERRIN 19; ROBIN 19; CLÉMENT 19;
    MORIN 19; NICOLAS 18; HENRY 18; ROUSSEL 18; MATHIEU 18; GAUTIER 17; MASSON 17; MARCHAND 17; DUVAL 17;
    DENIS 16; DUMONT 16; MARIE 16; LEMAIRE 16; NOËL 15; MEYER 15; DUFOUR 15; MEUNIER 15; BRUN 15;
    BLANCHARD 15; GIRAUD 14; JOLY 14; RIVIÈRE 14; LUCAS 14; BRUNET 14; GAILLARD 14; BARBIER 13; ARNAUD 13;
    MARTINEZ 13; GÉRARD 13; ROCHE 13; RENARD 13; SCHMITT 13; ROY 12; LEROUX 12; COLIN 12; VIDAL 12;
    CARON 12; PICARD 12; ROGER 12; FABRE 12; AUBERT 12; LEMOINE 12; RENAUD 11; DUMAS 11; LACROIX 11;
    OLIVIER 11; PHILIPPE 11; BOURGEOIS 11; PIERRE 11; BENOÎT 11; REY 10; LECLERC 10; ROLLAND 10;
    LECLERCQ 10; GUILLAUME 10; LECOMTE 10; LOPEZ 10; JEAN 10; DUPUY 10; GUILLOT 10; HUBERT 10; BERGER 10;
    CARPENTIER 9; SANCHEZ 9; DUPUIS 9; MOULIN 9; LOUIS 9; DESCHAMPS 9; HUET 9; VASSEUR 9; PEREZ 9;
    BOUCHER 9; FLEURY 9; ROYER 9; KLEIN 9; JACQUET 9; ADAM 9; PARIS 9; POIRIER 9; MARTY 9; AUBRY 8;
    GUYOT 8; CARRÉ 8; CHARLES 8; RENAULT 8; CHARPENTIER 8; MÉNARD 8; MAILLARD 8; BARON 8; BERTIN 8;
    BAILLY 8; HERVÉ 8; SCHNEIDER 8; FERNANDEZ 8; LE GALL 8; COLLET 8; LÉGER 8; BOUVIER 8; JULIEN 8;
    PRÉVOST 8; MILLET 8; PERROT 8; DANIEL 8; LE ROUX 8; COUSIN 7; GERMAIN 7; BRETON 7; BESSON 7;
    LANGLOIS 7; RÉMY 7; LE GOFF 7; PELLETIER 7; LÉVÊQUE 7; PERRIER 7; LEBLANC 7; BARRÉ 7; LEBRUN 7;
    MARCHAL 7; WEBER 7; MALLET 7; HAMON 7; BOULANGER 7; JACOB 7; MONNIER 7; MICHAUD 7; RODRIGUEZ 7;
    GUICHARD 7; GILLET 7; ÉTIENNE 7; POULAIN 7; TESSIER 7; CHEVALLIER 7; COLLIN 7; CHAUVIN 7; BOUCHET 7;
    LEMAÎTRE 7; BÉNARD 7; MARÉCHAL 7; HUMBERT 7; REYNAUD 7; ANTOINE 7; PERRET 7; BARTHÉLEMY 7; CORDIER 7;
    PICHON 7; LEJEUNE 7; GILBERT 7; LAMY 7; DELAUNAY 7; PASQUIER 7; CARLIER 7; LAPORTE 7;
    GASNIER 6; BODIN 6; CHAUVEAU 6; BELLANGER 6; GODIN 5; RETAILLEAU 5; CHARRIER 5; BRIAND 5; GUIBERT 5;
    PINEAU 6; CHESNEAU 5; BESNARD 6; FOUCHER 5; CORMIER 5; LANDAIS 4; RAIMBAULT 5; THARREAU 3; GALLARD 4;
    ROBINEAU 5; GUILLET 5; COUSSEAU 3; BOURGEAIS 3; HUCHET 3; JOUBERT 5; OGER 3; BLOUIN 4; MAUGIN 3;
    GOURDON 3; PAPIN 4; LEMESLE 3; BOISSEAU 4; BIGOT 5; FROGER 3; CHAUVAT 3; BRAULT 4; TROTTIER 3;
    LE BRIS 2; LE MEUR 2; LE CORRE 2; DE LA FONTAINE 1; DU PLESSIS 1; DE SAINT-JUST 1; D'HALLUIN 1;
    L'HOSTIS 1; VAN DEN BERGHE 1; DESCOTTES-GENON 1; LA ROCHE-AYMON 1; DE CASTRO 2`,
  ),
  ...entries('vn', `NGUYEN 26; TRAN 10; LE 8; PHAM 6; HOANG 3; VU 3; DANG 3; HUYNH 3; DO 2; BUI 2`),
  ...entries(
    'mg',
    `BEN SALAH 3; EL AMRANI 3; BENALI 4; BOUZID 3; HADDAD 5; MANSOURI 4; CHERIF 4; BENSAÏD 3; EL IDRISSI 3;
    AÏT AHMED 2; BELKACEM 4; BOUKHARI 2; SAÏDI 4; MEZIANE 3; BENMOUSSA 2; ZERROUKI 2; HAMIDI 3; BEN YOUSSEF 2`,
  ),
  ...entries(
    'pt',
    `DA SILVA FERREIRA 2; DA SILVA 7; PEREIRA 7; FERREIRA 7; RODRIGUES 7; DOS SANTOS 7; GONÇALVES 6;
    OLIVEIRA 5; DE OLIVEIRA 3; D'ALMEIDA 2; CARVALHO 5; TEIXEIRA 4; MARTINS 5; FERNANDES 5; LOPES 5;
    SOARES 3; DE SOUSA 4; CORREIA 3`,
  ),
  ...entries('af', `N'DIAYE 4; DIALLO 6; TRAORÉ 5; KONATÉ 3; N'GUESSAN 2; DIOP 3; SOW 3; CAMARA 4; KOUASSI 2; MBAYE 2; DIARRA 3; KEITA 3`),
];

function weighted(text: string): Array<readonly [string, number]> {
  return text
    .trim()
    .split(/\s*;\s*/)
    .map((item) => {
      const cut = item.lastIndexOf(' ');
      return [item.slice(0, cut), Number(item.slice(cut + 1))] as const;
    });
}

/** Given names by origin and sex, with a weight; people of every origin also get French given names. */
export const GIVEN_NAMES: Record<Origin, { F: Array<readonly [string, number]>; M: Array<readonly [string, number]> }> = {
  fr: {
    F: weighted(`Marie 8; Nathalie 8; Isabelle 8; Sylvie 6; Catherine 6; Sandrine 7; Valérie 6; Christine 5; Stéphanie 7;
      Céline 7; Aurélie 7; Julie 8; Émilie 6; Camille 6; Léa 4; Manon 5; Chloé 4; Sarah 5; Laura 5; Pauline 6;
      Hélène 5; Anne-Sophie 3; Marie-Christine 2; Marie-Hélène 2; Élodie 6; Amandine 5; Anaïs 4; Océane 3;
      Mélanie 5; Virginie 5; Laëtitia 4; Agnès 3; Françoise 3; Brigitte 2; Martine 2; Cécile 4; Claire 5;
      Morgane 4; Justine 4; Clémence 3; Mathilde 4; Marion 5; Charlotte 4; Lucie 4; Gaëlle 3; Sophie 6;
      Caroline 5; Delphine 5; Karine 5; Véronique 4; Florence 3; Anne 5; Audrey 5; Estelle 3; Nadège 2;
      Maëlle 2; Zoé 2; Élise 3; Noémie 3; Margaux 3; Coralie 3; Solène 3; Anne-Laure 2; Marie-Pierre 2`),
    M: weighted(`Jean 4; Pierre 5; Philippe 6; Michel 3; Alain 3; Patrick 4; Nicolas 8; Christophe 7; Stéphane 6;
      Laurent 6; Frédéric 6; Sébastien 7; Julien 8; David 6; Thomas 8; Maxime 6; Antoine 6; Alexandre 6;
      Guillaume 6; Mathieu 5; Jérôme 5; François 4; Jean-François 3; Jean-Pierre 3; Jean-Luc 2; Jean-Marc 2;
      Pierre-Yves 2; Loïc 4; Hugo 4; Lucas 4; Théo 3; Benoît 4; Yannick 3; Cédric 5; Grégory 4; Damien 5;
      Romain 6; Kévin 4; Anthony 4; Olivier 6; Éric 5; Thierry 4; Hervé 3; Gaël 2; Vincent 5; Arnaud 4;
      Fabrice 3; Bruno 3; Pascal 3; Xavier 3; Jérémy 4; Florian 4; Quentin 4; Clément 4; Adrien 4;
      Baptiste 3; Paul 3; Louis 2; Emmanuel 3; Gilles 2; Yves 2; Mickaël 3`),
  },
  vn: {
    F: weighted(`Thi Mai 4; Thi Lan 3; Thi Hoa 3; Thi Thu 2; Thi Huong 2; Linh 2; Mai 2`),
    M: weighted(`Van Minh 3; Duc Anh 2; Van Long 2; Minh 3; Quang 2; Tuan 2`),
  },
  mg: {
    F: weighted(`Nadia 4; Samira 3; Fatima 3; Leïla 3; Yasmine 3; Myriam 3; Nour 2; Amina 2; Karima 2; Soraya 2; Sonia 3; Malika 2`),
    M: weighted(`Mohamed 5; Karim 4; Youssef 3; Rachid 3; Sofiane 3; Mehdi 3; Amine 3; Nabil 2; Samir 3; Bilal 2; Yacine 2; Farid 2; Hakim 2`),
  },
  pt: {
    F: weighted(`Maria 4; Ana 3; Sandra 3; Isabel 2; Cristina 2; Vanessa 3; Sabrina 2; Patricia 2`),
    M: weighted(`Manuel 3; José 4; Carlos 3; Paulo 2; Antonio 2; Ricardo 2; Nelson 2; Fabio 2`),
  },
  af: {
    F: weighted(`Aminata 3; Fatoumata 3; Awa 2; Mariam 2; Aïssatou 2; Kadiatou 2; Binta 1; Ramatoulaye 1`),
    M: weighted(`Moussa 3; Mamadou 4; Ibrahima 3; Ousmane 3; Cheikh 2; Abdoulaye 2; Seydou 2; Boubacar 2`),
  },
};

export interface Commune {
  readonly dept: string;
  readonly deptLabel: string;
  readonly name: string;
  readonly postcode: string;
  readonly insee: string;
}

/** Where professionals elsewhere work (the first ones, in Anjou and Maine, are drawn more often). */
export const COMMUNES: readonly Commune[] = [
  ['49', 'Maine-et-Loire', 'Angers', '49000', '49007'],
  ['49', 'Maine-et-Loire', 'Cholet', '49300', '49099'],
  ['49', 'Maine-et-Loire', 'Saumur', '49400', '49328'],
  ['72', 'Sarthe', 'Le Mans', '72000', '72181'],
  ['72', 'Sarthe', 'La Flèche', '72200', '72154'],
  ['53', 'Mayenne', 'Laval', '53000', '53130'],
  ['44', 'Loire-Atlantique', 'Nantes', '44000', '44109'],
  ['44', 'Loire-Atlantique', 'Saint-Nazaire', '44600', '44184'],
  ['85', 'Vendée', 'La Roche-sur-Yon', '85000', '85191'],
  ['37', 'Indre-et-Loire', 'Tours', '37000', '37261'],
  ['75', 'Paris', 'Paris', '75013', '75113'],
  ['75', 'Paris', 'Paris', '75015', '75115'],
  ['69', 'Rhône', 'Lyon', '69003', '69383'],
  ['33', 'Gironde', 'Bordeaux', '33000', '33063'],
  ['13', 'Bouches-du-Rhône', 'Marseille', '13005', '13205'],
  ['31', 'Haute-Garonne', 'Toulouse', '31000', '31555'],
  ['59', 'Nord', 'Lille', '59000', '59350'],
  ['67', 'Bas-Rhin', 'Strasbourg', '67000', '67482'],
  ['35', 'Ille-et-Vilaine', 'Rennes', '35000', '35238'],
  ['34', 'Hérault', 'Montpellier', '34000', '34172'],
  ['93', 'Seine-Saint-Denis', 'Saint-Denis', '93200', '93066'],
  ['94', 'Val-de-Marne', 'Créteil', '94000', '94028'],
  ['06', 'Alpes-Maritimes', 'Nice', '06000', '06088'],
  ['76', 'Seine-Maritime', 'Rouen', '76000', '76540'],
  ['29', 'Finistère', 'Brest', '29200', '29019'],
  ['21', "Côte-d'Or", 'Dijon', '21000', '21231'],
  ['63', 'Puy-de-Dôme', 'Clermont-Ferrand', '63000', '63113'],
  ['86', 'Vienne', 'Poitiers', '86000', '86194'],
].map(([dept, deptLabel, name, postcode, insee]) => ({ dept, deptLabel, name, postcode, insee }) as Commune);

export const STREETS: ReadonlyArray<readonly [string, string, string]> = [
  ['R', 'Rue', 'de la République'],
  ['R', 'Rue', 'Pasteur'],
  ['AV', 'Avenue', 'du Général de Gaulle'],
  ['BD', 'Boulevard', 'Victor Hugo'],
  ['R', 'Rue', 'des Lilas'],
  ['PL', 'Place', 'de la Mairie'],
  ['R', 'Rue', 'Jean Jaurès'],
  ['AV', 'Avenue', 'de la Libération'],
  ['R', 'Rue', "de l'Hôpital"],
  ['CHE', 'Chemin', 'des Vignes'],
];

/**
 * The long tail: most French people carry a surname shared by a few hundred others nationwide.
 * Built from common French roots and endings (`CHAMPEAU`, `ROCHARD`, `VALLIER`), each one rare.
 */
const TAIL_ROOTS = `BOIS CHAMP MONT VAL FONT ROCH GUIL MAR BERT BRO CHAUV COUR DUR FOUR GAR GRAN HUG JAN LAB
  LAND MAS MOR PELL PIN POUL RAB RIV ROUS SAUV TAILL TIX VERD BAL BEAUD BLOND BOUR CHAR COLL DEL GOD GROS
  LEB MALL MER NOR PAG PER QUER RAY SEG TOUR VIL BARB CAILL FERR GAUD JOUB LOR MOUT PICH RENOU THIB`
  .trim()
  .split(/\s+/);
const TAIL_ENDINGS = 'ARD EAU ET IN IER AUD OT OUX ON AC AIS ERON ILLON ARDIÈRE ONNET ELLE AULT ERT IOT OUIN ANT'.split(' ');

export function tailSurname(random: () => number): string {
  const root = TAIL_ROOTS[Math.floor(random() * TAIL_ROOTS.length)] ?? 'MAR';
  const ending = TAIL_ENDINGS[Math.floor(random() * TAIL_ENDINGS.length)] ?? 'ET';
  // Doubled consonant at the joint is common (`MALLET`, `BARBOT`), a triple never.
  const name = `${root}${ending}`.replace(/([A-Z])\1\1/, '$1$1');
  return random() < 0.04 ? `${random() < 0.5 ? 'LE' : 'DU'} ${name}` : name;
}
