// Where PRONOTE's own documentation is: Index Éducation's page of PRONOTE, from which its help
// and documentation are reached. The module links to it wherever it speaks of what is done in
// PRONOTE (the bilans' transfer is done from PRONOTE only); a school's own PRONOTE guide, if it
// has one, is the administrator's to give.
export const PRONOTE_DOCUMENTATION_URL =
  'https://www.index-education.com/fr/logiciel-gestion-vie-scolaire.php';
