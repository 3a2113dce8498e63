// French ordering of names and classes, the same whatever the database collation. Takes
// any object with the fields it compares (no import: the queries that sort import this).
interface NamedPupil {
  id: string;
  nom: string;
  prenom: string;
}

interface NamedClass {
  id: string;
  nom: string;
  anneeScolaire: string;
}

const collator = new Intl.Collator('fr', {
  sensitivity: 'base',
  ignorePunctuation: false,
  numeric: true,
});

export function compareApprenants(a: NamedPupil, b: NamedPupil): number {
  return (
    collator.compare(a.nom, b.nom) ||
    collator.compare(a.prenom, b.prenom) ||
    a.id.localeCompare(b.id)
  );
}

/** The level a class name starts with, in school order: 2de, 1re, Tle (others after). */
function niveauScolaire(nom: string): number {
  const level = /^(2de|2nde|1re|1ère|Tle|Terminale)\b/i.exec(nom.trim())?.[1]?.toLowerCase();
  if (!level) return 3;
  return level.startsWith('2') ? 0 : level.startsWith('1') ? 1 : 2;
}

/** Most recent school year first, then levels in school order (2de, 1re, Tle), then by name. */
export function compareClasses(a: NamedClass, b: NamedClass): number {
  return (
    b.anneeScolaire.localeCompare(a.anneeScolaire) ||
    niveauScolaire(a.nom) - niveauScolaire(b.nom) ||
    collator.compare(a.nom, b.nom) ||
    a.id.localeCompare(b.id)
  );
}
