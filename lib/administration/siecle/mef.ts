// The MEF codes (SIECLE's CODE_MEF: « module élémentaire de formation », nomenclature BCN
// N_MEF) of the two diplomas the module follows, and the referential of each. A division
// whose pupils have another MEF gets the referential its administrator chooses, remembered per
// establishment (referentiels_divisions): the table only spares them that choice, it is never
// the last word. Add a code here when a rectorat's nomenclature brings a new one.

import 'server-only';
export type SigleReferentiel = 'SN' | 'CIEL';

// bac pro « Systèmes numériques » (options A, B, C), then « Cybersécurité, informatique et
// réseaux, électronique » (CIEL, first cohort in 2de at the 2023 school year), in 3 years:
// 2de pro, 1re pro, Tle pro.
const MEF: Record<string, SigleReferentiel> = {
  '24725510310': 'SN',
  '24725511310': 'SN',
  '24725512310': 'SN',
  '24625510310': 'SN',
  '24625511310': 'SN',
  '24625512310': 'SN',
  '24725517310': 'CIEL',
  '24625517310': 'CIEL',
  '24025517310': 'CIEL',
  '24025510310': 'SN',
  '24025511310': 'SN',
  '24025512310': 'SN',
};

export function referentielOfMef(codeMef: string | null): SigleReferentiel | null {
  return codeMef ? (MEF[codeMef] ?? null) : null;
}

/** The MEF codes we know, for the documentation and tests. */
export const KNOWN_MEF: Readonly<Record<string, SigleReferentiel>> = MEF;
