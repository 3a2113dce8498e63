// Data of the administration pages (/administration/…): each loader checks the
// administrator's session and role itself (requireAdministrateur) and reads only their
// establishment. Pupils' bilans are never read here. Their forms are Server Actions
// (lib/administration/actions/), which check the same themselves.
import 'server-only';
import { notFound } from 'next/navigation';
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { requireAdministrateur, type Administrateur } from '@/lib/auth/session';
import { enabledWays } from '@/lib/auth/ways';
import { getDb } from '@/lib/db/client';
import { parseRows } from '@/lib/db/rows';
import { classes, inscriptions, utilisateurs } from '@/lib/db/schema';
import type { FournisseurEnt } from '@/lib/db/enums';
import { withDatabase } from '@/lib/http/database-unavailable';
import { queryText, type SearchParams } from '@/lib/http/query';
import { schoolYearOf, todayInParis } from '@/lib/common/dates';
import { listJournal, type EntreeJournal } from '@/lib/administration/journal';
import {
  classesSansEquipe,
  listEnseignantsActifs,
  listEquipes,
  type ClasseEquipe,
} from '@/lib/administration/equipes';
import {
  listPeriodes,
  periodeCourante,
  periodesOuvertes,
  type Periode,
} from '@/lib/administration/periodes';
import { loadPending } from '@/lib/administration/en-attente';
import { siecleFichierSchema } from '@/lib/administration/siecle/fichier';
import { loadEtat } from '@/lib/administration/siecle/state';
import {
  planImport,
  type ImportPlan,
  type ReferentielConnu,
} from '@/lib/administration/siecle/plan';
import { enseignantsFichierSchema } from '@/lib/administration/enseignants/fichier';
import { planEnseignants, type EnseignantsPlan } from '@/lib/administration/enseignants/import';
import { listComptes, type CompteListe } from '@/lib/administration/enseignants/comptes';
import { stsFichierSchema } from '@/lib/administration/sts/fichier';
import { loadEtatEquipes } from '@/lib/administration/sts/state';
import { planSts, type StsPlan } from '@/lib/administration/sts/plan';
import { listJetons } from '@/lib/administration/jetons';
import type { ListedApiToken, NatureJeton } from '@/lib/auth/api-tokens';

interface AdminPage {
  administrateur: Administrateur;
  /** What the last post did (`?fait=…`), for the page's confirmation message. */
  fait: string | null;
}

async function adminPage(params: SearchParams = {}): Promise<AdminPage> {
  const administrateur = await requireAdministrateur();
  return {
    administrateur,
    fait: queryText(params, 'fait'),
  };
}

// --- Home -------------------------------------------------------------------------------

export interface AdministrationHome extends AdminPage {
  anneeScolaire: string;
  /** This year's classes nobody teaches (no team): their pupils' bilans cannot be written. */
  sansEquipe: string[];
  classes: number;
  apprenants: number;
  enseignants: number;
  periode: Periode | null;
  /** The periods PRONOTE reads today (begun, not closed), the one closing first first. */
  ouvertes: Periode[];
  journal: EntreeJournal[];
}

export async function loadAdministrationHome(): Promise<AdministrationHome> {
  const page = await adminPage();
  const etablissementId = page.administrateur.etablissement.id;
  const today = todayInParis();
  const anneeScolaire = schoolYearOf(today);
  return withDatabase(async () => {
    const db = await getDb();
    const [[classesCount], [apprenantsCount], [enseignantsCount], periodes, journal, sansEquipe] =
      await Promise.all([
        db
          .select({ n: count() })
          .from(classes)
          .where(
            and(
              eq(classes.etablissementId, etablissementId),
              eq(classes.anneeScolaire, anneeScolaire),
            ),
          ),
        db
          .select({ n: count() })
          .from(inscriptions)
          .innerJoin(classes, eq(classes.id, inscriptions.classeId))
          .where(
            and(
              eq(classes.etablissementId, etablissementId),
              eq(inscriptions.anneeScolaire, anneeScolaire),
              isNull(inscriptions.sortieLe),
            ),
          ),
        db
          .select({ n: count() })
          .from(utilisateurs)
          .where(
            and(
              eq(utilisateurs.etablissementId, etablissementId),
              eq(utilisateurs.role, 'enseignant'),
              eq(utilisateurs.actif, true),
            ),
          ),
        listPeriodes(db, etablissementId),
        listJournal(db, etablissementId, 5),
        classesSansEquipe(db, etablissementId, anneeScolaire),
      ]);
    return {
      ...page,
      anneeScolaire,
      sansEquipe,
      classes: classesCount?.n ?? 0,
      apprenants: apprenantsCount?.n ?? 0,
      enseignants: enseignantsCount?.n ?? 0,
      periode: periodeCourante(periodes, today),
      ouvertes: periodesOuvertes(periodes, today),
      journal,
    };
  });
}

// --- SIECLE -----------------------------------------------------------------------------

export interface ClasseAdministree {
  id: string;
  nom: string;
  anneeScolaire: string;
  referentiel: string;
  effectif: number;
}

const classeRow = z.object({
  id: z.string(),
  nom: z.string(),
  annee_scolaire: z.string(),
  referentiel: z.string(),
  effectif: z.coerce.number(),
});

export interface SieclePage extends AdminPage {
  classes: ClasseAdministree[];
}

export async function loadSieclePage(params: SearchParams): Promise<SieclePage> {
  const page = await adminPage(params);
  const etablissementId = page.administrateur.etablissement.id;
  return withDatabase(async () => {
    const db = await getDb();
    // The classes of the two latest school years, with their present pupils.
    const result = await db.execute(sql`
      select c.id, c.nom, c.annee_scolaire, r.sigle as referentiel,
             (select count(*) from inscriptions i
               where i.classe_id = c.id and i.sortie_le is null) as effectif
        from classes c join referentiels r on r.id = c.referentiel_id
       where c.etablissement_id = ${etablissementId}
         and c.annee_scolaire >= (select coalesce(max(annee_scolaire), '') from classes
                                   where etablissement_id = ${etablissementId})
       order by c.annee_scolaire desc, c.nom`);
    return {
      ...page,
      classes: parseRows(result, classeRow).map((r) => ({
        id: r.id,
        nom: r.nom,
        anneeScolaire: r.annee_scolaire,
        referentiel: r.referentiel,
        effectif: r.effectif,
      })),
    };
  });
}

export interface SieclePreviewPage extends AdminPage {
  importId: string;
  uaj: string;
  eleves: number;
  plan: ImportPlan;
  referentiels: ReferentielConnu[];
}

export async function loadSieclePreview(importId: string): Promise<SieclePreviewPage> {
  const page = await adminPage();
  const etablissementId = page.administrateur.etablissement.id;
  return withDatabase(async () => {
    const db = await getDb();
    const pending = await loadPending(db, etablissementId, 'siecle', importId, siecleFichierSchema);
    if (!pending) notFound();
    const fichier = pending.contenu;
    const etat = await loadEtat(db, etablissementId, fichier.anneeScolaire);
    return {
      ...page,
      importId,
      uaj: fichier.uaj,
      eleves: fichier.eleves.length,
      plan: planImport(fichier, etat),
      referentiels: etat.referentiels,
    };
  });
}

// --- Enseignants ------------------------------------------------------------------------

/** The ENTs an identity can be linked from: the configured ones first. */
function fournisseurs(): { id: FournisseurEnt; label: string; actif: boolean }[] {
  const enabled = new Set(enabledWays().map((w) => w.id));
  return [
    { id: 'ent' as const, label: 'ENT (OpenID Connect)', actif: enabled.has('ent') },
    { id: 'cas' as const, label: 'ENT (CAS)', actif: enabled.has('cas') },
  ].sort((a, b) => Number(b.actif) - Number(a.actif));
}

export interface EnseignantsPage extends AdminPage {
  comptes: CompteListe[];
  fournisseurs: ReturnType<typeof fournisseurs>;
}

export async function loadEnseignantsPage(params: SearchParams): Promise<EnseignantsPage> {
  const page = await adminPage(params);
  return withDatabase(async () => ({
    ...page,
    comptes: await listComptes(await getDb(), page.administrateur.etablissement.id),
    fournisseurs: fournisseurs(),
  }));
}

export interface EnseignantsPreviewPage extends AdminPage {
  importId: string;
  lignes: number;
  fournisseur: FournisseurEnt;
  plan: EnseignantsPlan;
}

export async function loadEnseignantsPreview(importId: string): Promise<EnseignantsPreviewPage> {
  const page = await adminPage();
  const etablissementId = page.administrateur.etablissement.id;
  return withDatabase(async () => {
    const db = await getDb();
    const pending = await loadPending(
      db,
      etablissementId,
      'enseignants',
      importId,
      enseignantsFichierSchema,
    );
    if (!pending) notFound();
    return {
      ...page,
      importId,
      lignes: pending.contenu.lignes.length,
      fournisseur: pending.contenu.fournisseur,
      plan: await planEnseignants(db, etablissementId, pending.contenu),
    };
  });
}

// --- Périodes, PRONOTE, journal -----------------------------------------------------------

export interface PeriodesPage extends AdminPage {
  periodes: Periode[];
  courante: Periode | null;
  /** The periods PRONOTE reads today (begun, not closed), the one closing first first. */
  ouvertes: Periode[];
  anneeScolaire: string;
}

export async function loadPeriodesPage(params: SearchParams): Promise<PeriodesPage> {
  const page = await adminPage(params);
  const today = todayInParis();
  return withDatabase(async () => {
    const periodes = await listPeriodes(await getDb(), page.administrateur.etablissement.id);
    return {
      ...page,
      periodes,
      courante: periodeCourante(periodes, today),
      ouvertes: periodesOuvertes(periodes, today),
      anneeScolaire: schoolYearOf(today),
    };
  });
}

export interface TokensPageData extends AdminPage {
  jetons: ListedApiToken[];
}

export async function loadTokensPage(
  nature: NatureJeton,
  params: SearchParams,
): Promise<TokensPageData> {
  const page = await adminPage(params);
  return withDatabase(async () => ({
    ...page,
    jetons: await listJetons(await getDb(), nature, page.administrateur.etablissement.uai),
  }));
}

export interface JournalPage extends AdminPage {
  entrees: EntreeJournal[];
}

export async function loadJournalPage(): Promise<JournalPage> {
  const page = await adminPage();
  return withDatabase(async () => ({
    ...page,
    entrees: await listJournal(await getDb(), page.administrateur.etablissement.id),
  }));
}

// --- Classes and their teams --------------------------------------------------------------

export interface ClassesPage extends AdminPage {
  anneeScolaire: string;
  classes: ClasseEquipe[];
  enseignants: { id: string; nom: string; prenom: string }[];
}

export async function loadClassesPage(params: SearchParams): Promise<ClassesPage> {
  const page = await adminPage(params);
  const etablissementId = page.administrateur.etablissement.id;
  const anneeScolaire = schoolYearOf(todayInParis());
  return withDatabase(async () => {
    const db = await getDb();
    const [classesList, enseignants] = await Promise.all([
      listEquipes(db, etablissementId, anneeScolaire),
      listEnseignantsActifs(db, etablissementId),
    ]);
    return { ...page, anneeScolaire, classes: classesList, enseignants };
  });
}

// --- STS-Web ------------------------------------------------------------------------------

export interface StsPage extends AdminPage {
  anneeScolaire: string;
  /** This year's classes and how many teachers each team counts, by origin. */
  classes: { nom: string; sts: number; administration: number }[];
}

export async function loadStsPage(params: SearchParams): Promise<StsPage> {
  const page = await adminPage(params);
  const anneeScolaire = schoolYearOf(todayInParis());
  return withDatabase(async () => {
    const list = await listEquipes(
      await getDb(),
      page.administrateur.etablissement.id,
      anneeScolaire,
    );
    return {
      ...page,
      anneeScolaire,
      classes: list.map((c) => ({
        nom: c.nom,
        sts: c.enseignants.filter((e) => e.origine === 'sts').length,
        administration: c.enseignants.filter((e) => e.origine !== 'sts').length,
      })),
    };
  });
}

export interface StsPreviewPage extends AdminPage {
  importId: string;
  uaj: string;
  individus: number;
  plan: StsPlan;
}

export async function loadStsPreview(importId: string): Promise<StsPreviewPage> {
  const page = await adminPage();
  const etablissementId = page.administrateur.etablissement.id;
  return withDatabase(async () => {
    const db = await getDb();
    const pending = await loadPending(db, etablissementId, 'sts', importId, stsFichierSchema);
    if (!pending) notFound();
    const fichier = pending.contenu;
    const etat = await loadEtatEquipes(db, etablissementId, fichier.anneeScolaire);
    return {
      ...page,
      importId,
      uaj: fichier.uaj,
      individus: fichier.individus.length,
      plan: planSts(fichier, etat),
    };
  });
}
