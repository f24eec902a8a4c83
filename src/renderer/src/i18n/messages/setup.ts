/** First-start setup and demo banner strings, French first. */
export const fr = {
  'setup.title': 'Configuration du guichet',
  'setup.intro': 'Premier démarrage sans démonstration : indiquez les sources de l’annuaire et les lecteurs de cartes. Rien n’est créé tant que ce n’est pas enregistré.',
  'setup.sourcesPath': 'Fichier de configuration des sources (chemin complet)',
  'setup.readers': 'Lecteurs de cartes',
  'setup.readers.pcsc': 'Lecteurs réels (PC/SC)',
  'setup.readers.demoOnly': 'Les lecteurs et cartes simulés n’existent qu’en démonstration (npm start, option --demo).',
  'setup.agentReader': 'Lecteur de la carte agent',
  'setup.agentReader.first': 'Le premier lecteur par ordre alphabétique',
  'setup.save': 'Enregistrer la configuration',
  'setup.saving': 'Enregistrement…',
  'setup.saved': 'Configuration enregistrée. Redémarrez Guichet pour importer depuis {{path}}.',
  'app.loginToRead': 'L’annuaire contient des données personnelles : identifiez-vous pour le consulter (chaque consultation est journalisée).',
  'app.demoBanner': 'DÉMONSTRATION — annuaire fictif « Hôpital La Porte Verte » et cartes simulées (code 1234). Ne pas utiliser avec de vraies personnes.',
};

export const en: typeof fr = {
  'setup.title': 'Desk setup',
  'setup.intro': 'First start without demo: give the directory sources and the card readers. Nothing is created until this is saved.',
  'setup.sourcesPath': 'Sources configuration file (full path)',
  'setup.readers': 'Card readers',
  'setup.readers.pcsc': 'Real readers (PC/SC)',
  'setup.readers.demoOnly': 'Simulated readers and cards exist only in demo mode (npm start, option --demo).',
  'setup.agentReader': 'Agent card reader',
  'setup.agentReader.first': 'The first reader in alphabetical order',
  'setup.save': 'Save the setup',
  'setup.saving': 'Saving…',
  'setup.saved': 'Setup saved. Restart Guichet to import from {{path}}.',
  'app.loginToRead': 'The directory holds personal data: log in to read it (every lookup is journaled).',
  'app.demoBanner': 'DEMO — fictitious directory “Hôpital La Porte Verte” and simulated cards (PIN 1234). Do not use with real people.',
};
