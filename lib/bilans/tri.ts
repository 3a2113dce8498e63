// French ordering of names and classes, the same whatever the database collation.
import type { ApprenantOption, ClasseOption } from './classes';

const collator = new Intl.Collator('fr', {
  sensitivity: 'base',
  ignorePunctuation: false,
  numeric: true,
});

export function compareApprenants(a: ApprenantOption, b: ApprenantOption): number {
  return (
    collator.compare(a.nom, b.nom) ||
    collator.compare(a.prenom, b.prenom) ||
    a.id.localeCompare(b.id)
  );
}

/** Most recent school year first, then by name. */
export function compareClasses(a: ClasseOption, b: ClasseOption): number {
  return (
    b.anneeScolaire.localeCompare(a.anneeScolaire) ||
    collator.compare(a.nom, b.nom) ||
    a.id.localeCompare(b.id)
  );
}
