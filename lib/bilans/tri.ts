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

/** Most recent school year first, then by name. */
export function compareClasses(a: NamedClass, b: NamedClass): number {
  return (
    b.anneeScolaire.localeCompare(a.anneeScolaire) ||
    collator.compare(a.nom, b.nom) ||
    a.id.localeCompare(b.id)
  );
}
