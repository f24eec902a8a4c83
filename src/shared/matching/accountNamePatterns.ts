/** Service, shared and technical account names (orphans of reason `generic`; the dashboard lists them too). */
export const genericAccountName = /^(svc|srv|adm|admin|administrateur|test|tmp|temp|scan|impr|print|backup|sauvegarde|service|generique|accueil|secretariat|stagiaire|interne|guest|invite|sys|app|robot|bot)[._-]?/i;

/** Account names that hospitals give to interim workers and contractors, who are not on the HR export. */
export const externalAccountName = /^(ext|externe?|interim|interimaire|presta|prestataire)[._-]/;
