// Builds the demo data set as plain rows, without touching a database: two
// establishments; the 2015-2016 bac pro SN archive classes and this year's bac pro CIEL
// classes (with last year's classes of the same pupils); pupils, enrolments, bilans (each in
// its referential), positionnements,
// notes, periods, the demo accounts (one of them deactivated) and their ENT identities.
// Deterministic for a given `today`: bilans of the current school year are taken from
// fixed dates of that year, up to `today`.
import type * as schema from '@/lib/db/schema';
import { schoolYearOf } from '@/lib/common/dates';
import { NIVEAUX, type Niveau } from '@/lib/bilans/niveaux';
import { COMPETENCES_SN, REFERENTIEL_SN } from './referentiel-sn';
import { defaultCloture } from '@/lib/common/periodes';
import { COMPETENCES_CIEL, REFERENTIEL_CIEL } from './referentiel-ciel';
import { NOMS, PRENOMS } from './noms';
import { intBetween, pick, prng, stableId } from './random';

type Insert<T extends { $inferInsert: unknown }> = T['$inferInsert'];

export interface DemoData {
  etablissements: Insert<typeof schema.etablissements>[];
  utilisateurs: Omit<Insert<typeof schema.utilisateurs>, 'passwordHash'>[];
  referentiels: Insert<typeof schema.referentiels>[];
  competences: Insert<typeof schema.competences>[];
  classes: Insert<typeof schema.classes>[];
  apprenants: Insert<typeof schema.apprenants>[];
  inscriptions: Insert<typeof schema.inscriptions>[];
  periodes: Insert<typeof schema.periodes>[];
  bilans: Insert<typeof schema.bilans>[];
  positionnements: Insert<typeof schema.positionnements>[];
  notes: Insert<typeof schema.notes>[];
  identitesExternes: Insert<typeof schema.identitesExternes>[];
  equipes: Insert<typeof schema.equipes>[];
}

export const DEMO_PASSWORD = 'bilans-demo';
export const DEMO_ACCOUNTS = {
  enseignant: 'enseignant@lycee-demo.test',
  vieScolaire: 'vie-scolaire@lycee-demo.test',
  enseignantVoisin: 'enseignant@lycee-voisin.test',
  /** A teacher who left: deactivated, refused whatever the way in. */
  ancienEnseignant: 'ancien-enseignant@lycee-demo.test',
  /** The demo establishment's CPRO administrator (/administration), who reads no bilan. */
  administrateur: 'administration@lycee-demo.test',
  /** A colleague in the teams of this year's 1re CIEL and Tle CIEL (LAMBERT Julien). */
  enseignant2: 'enseignant2@lycee-demo.test',
  /** A teacher in no team (ROUX Camille): reads every bilan, writes none. */
  remplacant: 'remplacant@lycee-demo.test',
} as const;

/**
 * ENT identities of the demo accounts, as `npm run ent:link` records them: what a school's
 * CAS would send (its `user`) and an OpenID `sub`. Used only when an ENT is configured.
 */
export const DEMO_ENT_IDENTITIES = [
  { fournisseur: 'cas', identifiant: 'sophie.lefevre', email: DEMO_ACCOUNTS.enseignant },
  { fournisseur: 'cas', identifiant: 'patrick.moreau', email: DEMO_ACCOUNTS.vieScolaire },
  { fournisseur: 'cas', identifiant: 'marc.durand', email: DEMO_ACCOUNTS.ancienEnseignant },
  { fournisseur: 'ent', identifiant: 'ent-marc-durand', email: DEMO_ACCOUNTS.ancienEnseignant },
] as const;
export const DEMO_UAI = '0999001W';
export const VOISIN_UAI = '0999002X';
export const ARCHIVE_YEAR = '2015-2016';

/** A pupil the demo must contain exactly as specified (named in tests and docs). */
interface FixedPupil {
  nom: string;
  prenom: string;
  bilans: { date: string; constats?: string; conseils?: string }[];
}

const FIXED_PUPILS: Record<string, FixedPupil[]> = {
  [`${DEMO_UAI}|1re SN|${ARCHIVE_YEAR}`]: [
    {
      nom: 'HUBERT',
      prenom: 'Angie',
      bilans: [
        { date: '2016-05-27' },
        {
          date: '2016-06-16',
          constats: "Constats sur le niveau de l'élève.",
          conseils: "Conseils pour aider l'élève à progresser.",
        },
      ],
    },
    { nom: 'MARTIN', prenom: 'Zoé', bilans: [{ date: '2016-03-25' }] },
    { nom: "N'GUESSAN", prenom: 'Aïcha', bilans: [] },
  ],
  [`${DEMO_UAI}|Tle SN|${ARCHIVE_YEAR}`]: [
    {
      nom: 'LEROY',
      prenom: 'Théo',
      bilans: [
        { date: '2016-02-05' },
        {
          date: '2016-05-27',
          // Text pasted from a web page: it must always be shown and printed as text.
          constats:
            'Copie collée depuis un site : <script>alert("x")</script> <img src=http://example.invalid/x>\nÀ retravailler en atelier.',
          conseils: 'Relire ses comptes rendus avant de les rendre.',
        },
      ],
    },
  ],
};

export const CONSTATS = [
  'Travail régulier en atelier, bonne implication dans les activités pratiques.',
  'Des difficultés à organiser son intervention ; les mesures sont souvent incomplètes.',
  'Progrès nets sur le câblage et la mise en service.\nLa rédaction des comptes rendus reste fragile.',
  'Élève autonome, rigoureux dans les tests et la recette.',
  "Absences répétées qui pénalisent l'acquisition des compétences de diagnostic.",
  'Bonne communication avec le client lors des mises en situation.',
];
export const CONSEILS = [
  "Préparer systématiquement le plan d'action avant l'intervention.",
  'Revoir les procédures de test et de certification du support physique.',
  "Continuer ainsi ; viser davantage d'autonomie sur le pré diagnostic.",
  "Soigner la mise à jour des documents d'intervention.\nDemander de l'aide plus tôt.",
  "S'entraîner à la configuration des équipements d'interconnexion.",
];
const NOTES = [
  { libelle: 'Évaluation pratique en atelier', coefficient: '2' },
  { libelle: 'Évaluation écrite', coefficient: '1' },
  { libelle: 'Dossier technique', coefficient: '1' },
];

/** Fixed bilan dates of the archived year; pupils with n bilans take the last n. */
const ARCHIVE_DATES = [
  '2015-10-16',
  '2015-12-11',
  '2016-02-05',
  '2016-03-25',
  '2016-05-27',
  '2016-06-16',
];

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Bilan dates of the current school year: every four weeks from late September, up to today. */
function currentYearDates(year: string, today: string): string[] {
  const start = `${year.slice(0, 4)}-09-22`;
  const dates: string[] = [];
  for (let i = 0; i < 10; i++) {
    const d = addDays(start, i * 28);
    if (d <= today) dates.push(d);
  }
  return dates;
}

/** A school year's terms or semesters (the e2e's own establishment has them too). */
export function periodsFor(
  etablissementId: string,
  year: string,
  kind: 'trimestres' | 'semestres',
) {
  const y = Number(year.slice(0, 4));
  const ranges: [string, string, string][] =
    kind === 'trimestres'
      ? [
          ['Trimestre 1', `${y}-09-01`, `${y}-11-30`],
          ['Trimestre 2', `${y}-12-01`, `${y + 1}-02-28`],
          ['Trimestre 3', `${y + 1}-03-01`, `${y + 1}-07-05`],
        ]
      : [
          ['Semestre 1', `${y}-09-01`, `${y + 1}-01-31`],
          ['Semestre 2', `${y + 1}-02-01`, `${y + 1}-07-05`],
        ];
  return ranges.map(([libelle, debut, fin]) => ({
    id: stableId('periode', etablissementId, year, libelle),
    etablissementId,
    anneeScolaire: year,
    libelle,
    debut,
    fin,
    cloture: defaultCloture(fin),
  }));
}

/** The school year before `year` (« 2026-2027 » → « 2025-2026 »). */
function previousYearOf(year: string): string {
  const start = Number(year.slice(0, 4)) - 1;
  return `${start}-${start + 1}`;
}

/** One bilan a term in a past school year of the CIEL course. */
function pastYearDates(year: string): string[] {
  const start = Number(year.slice(0, 4));
  return [`${start}-12-04`, `${start + 1}-03-12`, `${start + 1}-06-04`];
}

type Sigle = 'SN' | 'CIEL';

interface DemoClasse {
  nom: string;
  annee: string;
  effectif: number;
  referentiel: Sigle;
  /** The class these pupils were in the year before (created with them, same referential). */
  anterieure?: string;
}

export function buildDemoData(today: string): DemoData {
  const currentYear = schoolYearOf(today);
  const previousYear = previousYearOf(currentYear);
  const data: DemoData = {
    etablissements: [],
    utilisateurs: [],
    referentiels: [],
    competences: [],
    classes: [],
    apprenants: [],
    inscriptions: [],
    periodes: [],
    bilans: [],
    positionnements: [],
    notes: [],
    identitesExternes: [],
    equipes: [],
  };

  const referentiels = new Map<Sigle, { id: string; competenceIds: string[] }>();
  for (const [sigle, referentiel, competences] of [
    ['SN', REFERENTIEL_SN, COMPETENCES_SN],
    ['CIEL', REFERENTIEL_CIEL, COMPETENCES_CIEL],
  ] as const) {
    const id = stableId('referentiel', referentiel.code);
    data.referentiels.push({ id, ...referentiel });
    const competenceIds = competences.map((c, rang) => {
      const competenceId = stableId('competence', referentiel.code, c.code);
      data.competences.push({ id: competenceId, referentielId: id, rang: rang + 1, ...c });
      return competenceId;
    });
    referentiels.set(sigle, { id, competenceIds });
  }

  const establishments: {
    uai: string;
    nom: string;
    periodes: 'trimestres' | 'semestres';
    teacher: { email: string; nom: string; prenom: string };
    staff: { email: string; nom: string; prenom: string } | null;
    classes: DemoClasse[];
  }[] = [
    {
      uai: DEMO_UAI,
      nom: 'Lycée professionnel de démonstration',
      periodes: 'trimestres',
      teacher: { email: DEMO_ACCOUNTS.enseignant, nom: 'LEFÈVRE', prenom: 'Sophie' },
      staff: { email: DEMO_ACCOUNTS.vieScolaire, nom: 'MOREAU', prenom: 'Patrick' },
      classes: [
        { nom: '1re SN', annee: ARCHIVE_YEAR, effectif: 18, referentiel: 'SN' },
        { nom: 'Tle SN', annee: ARCHIVE_YEAR, effectif: 30, referentiel: 'SN' },
        { nom: '2de CIEL', annee: currentYear, effectif: 24, referentiel: 'CIEL' },
        {
          nom: '1re CIEL',
          annee: currentYear,
          effectif: 26,
          referentiel: 'CIEL',
          anterieure: '2de CIEL',
        },
        {
          nom: 'Tle CIEL',
          annee: currentYear,
          effectif: 30,
          referentiel: 'CIEL',
          anterieure: '1re CIEL',
        },
      ],
    },
    {
      uai: VOISIN_UAI,
      nom: 'Lycée professionnel voisin',
      periodes: 'semestres',
      teacher: { email: DEMO_ACCOUNTS.enseignantVoisin, nom: 'GARNIER', prenom: 'Thomas' },
      staff: null,
      classes: [
        { nom: '1re CIEL', annee: currentYear, effectif: 20, referentiel: 'CIEL' },
        { nom: 'Tle CIEL', annee: currentYear, effectif: 14, referentiel: 'CIEL' },
      ],
    },
  ];

  for (const etab of establishments) {
    const etablissementId = stableId('etablissement', etab.uai);
    data.etablissements.push({ id: etablissementId, uai: etab.uai, nom: etab.nom });
    const teacherId = stableId('utilisateur', etab.teacher.email);
    data.utilisateurs.push({ id: teacherId, etablissementId, role: 'enseignant', ...etab.teacher });
    if (etab.staff) {
      data.utilisateurs.push({
        id: stableId('utilisateur', etab.staff.email),
        etablissementId,
        role: 'vie_scolaire',
        ...etab.staff,
      });
    }
    if (etab.uai === DEMO_UAI) {
      data.utilisateurs.push({
        id: stableId('utilisateur', DEMO_ACCOUNTS.ancienEnseignant),
        etablissementId,
        role: 'enseignant',
        email: DEMO_ACCOUNTS.ancienEnseignant,
        nom: 'DURAND',
        prenom: 'Marc',
        actif: false,
      });
      data.utilisateurs.push({
        id: stableId('utilisateur', DEMO_ACCOUNTS.administrateur),
        etablissementId,
        role: 'administrateur',
        email: DEMO_ACCOUNTS.administrateur,
        nom: 'BERNARD',
        prenom: 'Claire',
      });
      for (const [email, nom, prenom] of [
        [DEMO_ACCOUNTS.enseignant2, 'LAMBERT', 'Julien'],
        [DEMO_ACCOUNTS.remplacant, 'ROUX', 'Camille'],
      ] as const) {
        data.utilisateurs.push({
          id: stableId('utilisateur', email),
          etablissementId,
          role: 'enseignant',
          email,
          nom,
          prenom,
        });
      }
    }
    const years = new Set(etab.classes.map((c) => c.annee));
    if (etab.classes.some((c) => c.anterieure)) years.add(previousYear);
    for (const year of years)
      data.periodes.push(...periodsFor(etablissementId, year, etab.periodes));

    const addClasse = (nom: string, annee: string, sigle: Sigle) => {
      const id = stableId('classe', `${etab.uai}|${nom}|${annee}`);
      data.classes.push({
        id,
        etablissementId,
        referentielId: referentiels.get(sigle)!.id,
        nom,
        anneeScolaire: annee,
      });
      return id;
    };

    for (const classe of etab.classes) {
      const classeKey = `${etab.uai}|${classe.nom}|${classe.annee}`;
      const classeId = addClasse(classe.nom, classe.annee, classe.referentiel);
      // This year's teams: the establishment's teacher in every class; in the demo school,
      // LAMBERT Julien in 1re and Tle CIEL too (ROUX Camille in none).
      if (classe.annee === currentYear) {
        data.equipes.push({ classeId, utilisateurId: teacherId, origine: 'administration' });
        if (etab.uai === DEMO_UAI && classe.nom !== '2de CIEL') {
          data.equipes.push({
            classeId,
            utilisateurId: stableId('utilisateur', DEMO_ACCOUNTS.enseignant2),
            origine: 'administration',
          });
        }
      }
      const anterieureId = classe.anterieure
        ? addClasse(classe.anterieure, previousYear, classe.referentiel)
        : null;
      const random = prng(classeKey);
      const dates =
        classe.annee === currentYear ? currentYearDates(currentYear, today) : ARCHIVE_DATES;
      const pupils: FixedPupil[] = [...(FIXED_PUPILS[classeKey] ?? [])];
      const taken = new Set(pupils.map((p) => `${p.nom} ${p.prenom}`));
      while (pupils.length < classe.effectif) {
        const nom = pick(random, NOMS);
        const prenom = pick(random, PRENOMS);
        if (taken.has(`${nom} ${prenom}`)) continue;
        taken.add(`${nom} ${prenom}`);
        // Most pupils have several bilans; a few have none or one, as in a real class.
        const roll = random();
        const count = roll < 0.08 ? 0 : roll < 0.18 ? 1 : intBetween(random, 2, dates.length);
        const past = anterieureId && random() < 0.9 ? pastYearDates(previousYear) : [];
        pupils.push({
          nom,
          prenom,
          bilans: [
            ...past.map((date) => ({ date })),
            ...dates.slice(dates.length - Math.min(count, dates.length)).map((date) => ({ date })),
          ],
        });
      }

      const referentiel = referentiels.get(classe.referentiel)!;
      pupils.forEach((pupil, index) => {
        const apprenantId = stableId('apprenant', classeKey, pupil.nom, pupil.prenom);
        data.apprenants.push({
          id: apprenantId,
          etablissementId,
          nom: pupil.nom,
          prenom: pupil.prenom,
          ine:
            index % 7 === 3
              ? null
              : `${String(100000000 + Math.floor(random() * 899999999)).padStart(9, '0')}${pick(random, ['AB', 'CD', 'EF', 'HK'])}`,
        });
        data.inscriptions.push({ apprenantId, classeId, anneeScolaire: classe.annee });
        // A pupil who repeats the year or joined in the course has no enrolment last year.
        if (anterieureId && pupil.bilans.some((b) => schoolYearOf(b.date) === previousYear)) {
          data.inscriptions.push({
            apprenantId,
            classeId: anterieureId,
            anneeScolaire: previousYear,
          });
        }
        const aptitude = 0.6 + random() * 1.8;
        pupil.bilans.forEach((bilan, rank) => {
          const bilanId = stableId('bilan', apprenantId, bilan.date);
          const isLatestOfCurrentYear =
            classe.annee === currentYear && bilan.date === dates[dates.length - 1];
          // The latest bilans of the current year are partly still awaiting validation.
          const validated = !isLatestOfCurrentYear || random() < 0.5;
          data.bilans.push({
            id: bilanId,
            apprenantId,
            referentielId: referentiel.id,
            auteurId: teacherId,
            date: bilan.date,
            constats: bilan.constats ?? pick(random, CONSTATS),
            conseils: bilan.conseils ?? pick(random, CONSEILS),
            valideLe: validated ? new Date(`${addDays(bilan.date, 3)}T16:30:00Z`) : null,
            creeLe: new Date(`${bilan.date}T15:00:00Z`),
          });
          referentiel.competenceIds.forEach((competenceId) => {
            const niveau: Niveau =
              random() < 0.07
                ? 'NE'
                : (NIVEAUX[
                    Math.max(
                      1,
                      Math.min(4, Math.round(aptitude + rank * 0.45 + (random() - 0.5) * 1.6)),
                    )
                  ] ?? '-+');
            data.positionnements.push({ bilanId, competenceId, niveau });
          });
          NOTES.slice(0, 2 + (rank % 2)).forEach((note) => {
            data.notes.push({
              id: stableId('note', bilanId, note.libelle),
              bilanId,
              libelle: note.libelle,
              valeur: (Math.round((6 + random() * 13.5) * 2) / 2).toFixed(2),
              coefficient: note.coefficient,
            });
          });
        });
      });
    }
  }
  for (const { fournisseur, identifiant, email } of DEMO_ENT_IDENTITIES) {
    data.identitesExternes.push({
      fournisseur,
      identifiant,
      utilisateurId: stableId('utilisateur', email),
      liaison: 'script',
    });
  }
  return data;
}
