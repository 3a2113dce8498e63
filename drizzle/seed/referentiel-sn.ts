// The bac pro Systèmes Numériques referential: its 21 competences exactly as the product
// documentation lists them (code, equivalence after « = », label), in that order.

export const REFERENTIEL_SN = {
  code: 'BAC-PRO-SN',
  sigle: 'SN',
  libelle: 'Baccalauréat professionnel Systèmes Numériques',
  version: '2016',
};

export const COMPETENCES_SN: ReadonlyArray<{
  code: string;
  equivalence: string | null;
  libelle: string;
}> = [
  {
    code: 'C1-1',
    equivalence: 'C1-1',
    libelle: "Appréhender la mise en œuvre d'un projet simulé ou réel d'installation d'un système.",
  },
  {
    code: 'C2-1',
    equivalence: null,
    libelle:
      "Faire un bilan de l'existant et recueillir les informations relatives à l'exploitation et aux caractéristiques des matériels de l'installation.",
  },
  {
    code: 'C2-2',
    equivalence: null,
    libelle:
      "Analyser le fonctionnement de l'installation actuelle ou de l'équipement en vue de l'intervention.",
  },
  { code: 'C3-1', equivalence: null, libelle: "Planifier l'intervention." },
  {
    code: 'C3-2',
    equivalence: null,
    libelle: "Réaliser l'intégration matérielle ou logicielle d'un équipement.",
  },
  {
    code: 'C3-3',
    equivalence: null,
    libelle: 'Effectuer les tests nécessaires à la validation du fonctionnement des équipements.',
  },
  {
    code: 'C4-1',
    equivalence: null,
    libelle:
      "Préparer le plan d'action puis établir tout ou partie du plan d'implantation et de câblage.",
  },
  {
    code: 'C4-2',
    equivalence: 'C2-1',
    libelle:
      "Repérer les supports de transmission et d'énergie, implanter, câbler, raccorder les appareillages et les équipements d'interconnexion.",
  },
  {
    code: 'C4-3',
    equivalence: 'C2-2',
    libelle: 'Effectuer les tests, certifier le support physique.',
  },
  {
    code: 'C4-4',
    equivalence: null,
    libelle:
      'Installer, configurer les éléments du système et vérifier la conformité du fonctionnement.',
  },
  { code: 'C5-1', equivalence: null, libelle: 'Établir un pré diagnostic à distance.' },
  {
    code: 'C5-2',
    equivalence: null,
    libelle:
      'Vérifier la conformité du support et des alimentations en énergie, le fonctionnement des matériels et logiciels en interaction.',
  },
  {
    code: 'C5-3',
    equivalence: null,
    libelle: 'Analyser et interpréter les indicateurs de fonctionnement et établir un diagnostic.',
  },
  { code: 'C5-4', equivalence: null, libelle: "Réaliser l'intervention." },
  {
    code: 'C5-5',
    equivalence: null,
    libelle:
      "Vérifier la conformité du fonctionnement des matériels et logiciels identifiés puis de l'installation.",
  },
  {
    code: 'C5-6',
    equivalence: null,
    libelle: 'Mettre à jour les documents relatant les historiques des interventions.',
  },
  {
    code: 'C6-1',
    equivalence: null,
    libelle:
      "Communiquer lors de l'intervention, déceler et mettre en évidence les besoins du client.",
  },
  {
    code: 'C6-2',
    equivalence: 'C3-1',
    libelle: "S'intégrer à la démarche qualité du service et respecter les termes du contrat.",
  },
  {
    code: 'C6-3',
    equivalence: null,
    libelle: "Renseigner le rapport de recette ou le bon d'intervention.",
  },
  {
    code: 'C7-1',
    equivalence: null,
    libelle: "Gérer ses lots de matériel, son temps d'intervention et les ressources.",
  },
  {
    code: 'C8-1',
    equivalence: 'C4-1',
    libelle:
      "Adopter une attitude citoyenne et responsable dans le cadre de l'usage professionnel des outils numériques.",
  },
];
