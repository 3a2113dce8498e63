// The bac pro CIEL referential (Cybersécurité, Informatique et réseaux, ÉLectronique; arrêté
// of 13 February 2023, first classes at the 2023 school start), which replaced the bac pro
// SN: the competences assessed in the bac pro, codes and labels as in annexe III of the
// arrêté, in that order. C02 and C05 are not assessed at this level.

export const REFERENTIEL_CIEL = {
  code: 'BAC-PRO-CIEL',
  sigle: 'CIEL',
  libelle: 'Baccalauréat professionnel Cybersécurité, Informatique et réseaux, Électronique',
  version: '2023',
};

export const COMPETENCES_CIEL: ReadonlyArray<{
  code: string;
  equivalence: string | null;
  libelle: string;
}> = [
  {
    code: 'C01',
    equivalence: null,
    libelle: 'Communiquer en situation professionnelle (français/anglais)',
  },
  { code: 'C03', equivalence: null, libelle: 'Participer à un projet' },
  { code: 'C04', equivalence: null, libelle: 'Analyser une structure matérielle et logicielle' },
  { code: 'C06', equivalence: null, libelle: "Valider la conformité d'une installation" },
  { code: 'C07', equivalence: null, libelle: 'Réaliser des maquettes et prototypes' },
  { code: 'C08', equivalence: null, libelle: 'Coder' },
  {
    code: 'C09',
    equivalence: null,
    libelle: "Installer les éléments d'un système électronique ou informatique",
  },
  { code: 'C10', equivalence: null, libelle: 'Exploiter un réseau informatique' },
  {
    code: 'C11',
    equivalence: null,
    libelle: 'Maintenir un système électronique ou réseau informatique',
  },
];
