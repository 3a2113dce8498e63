// What PRONOTE reads: the establishment's VALIDATED bilans whose date falls in one period,
// each with its pupil, conseils, notes and the CPRO code, level and value of every
// competence. Keyset pagination on (date, id) gives a deterministic order in which every
// bilan appears exactly once. Nothing here writes to bilans.
import 'server-only';
import { sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/types';
import { z } from 'zod';
import { AppError } from '@/lib/http/app-error';
import { parseRows } from '@/lib/db/rows';
import { arrayLiteral } from '@/lib/db/array-literal';
import { isUuid, normalizeUuid } from '@/lib/common/ids';
import { isNiveau, NIVEAU_INFOS } from '@/lib/bilans/niveaux';
import { enrolledClassId } from '@/lib/bilans/inscriptions';
import { parseIsoDate, todayInParis } from '@/lib/common/dates';

export interface Periode {
  id: string;
  libelle: string;
  anneeScolaire: string;
  debut: string;
  fin: string;
  /** The day PRONOTE stops reading it. */
  cloture: string;
}

export interface BilanExporte {
  id: string;
  apprenant: { nom: string; prenom: string; ine: string | null; classe: string };
  /** The referential the bilan was written in (bac pro SN 2016, bac pro CIEL 2023). */
  referentiel: { code: string; version: string };
  date: string;
  valideLe: string;
  conseils: string;
  notes: { libelle: string; valeur: number; coefficient: number }[];
  competences: {
    code: string;
    equivalence: string | null;
    niveau: string;
    symbole: string;
    valeur: number;
  }[];
}

export interface ExportParams {
  periode: 'courante' | string;
  format: 'json' | 'csv';
  limite: number;
  curseur: { date: string; id: string } | null;
}

/** A query parameter PRONOTE got wrong: a 400 `parametre_invalide` with this message. */
export class InvalidExportParameter extends AppError {
  constructor(message: string) {
    super('bad_request', message, { code: 'parametre_invalide' });
  }
}

const MAX_LIMITE = 500;

export function encodeCursor(date: string, id: string): string {
  return Buffer.from(JSON.stringify([date, id])).toString('base64url');
}

const CURSOR_MESSAGE = '« curseur » est invalide : reprenez celui de la réponse précédente.';

/** The cursor's content once decoded: [date, id] of the last bilan of the previous page. */
const cursorContent = z.tuple([
  z.string().refine((value) => parseIsoDate(value) !== null),
  z
    .string()
    .refine(isUuid)
    .transform((id) => id.toLowerCase()),
]);

const exportQuery = z.object({
  periode: z
    .string()
    .default('courante')
    .transform((value) => (value === 'courante' ? value : normalizeUuid(value)))
    .refine((value) => value !== null, {
      message: "« periode » doit valoir « courante » ou l'identifiant d'une période.",
    })
    .transform((value) => value!),
  format: z
    .enum(['json', 'csv'], { message: '« format » doit valoir « json » ou « csv ».' })
    .default('json'),
  limite: z
    .string()
    .default('100')
    .refine(
      (value) => /^\d{1,4}$/.test(value) && Number(value) >= 1 && Number(value) <= MAX_LIMITE,
      {
        message: `« limite » doit être un entier de 1 à ${MAX_LIMITE}.`,
      },
    )
    .transform(Number),
  curseur: z
    .string()
    .optional()
    .transform((value, context) => {
      if (!value) return null;
      let decoded: unknown;
      try {
        decoded = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
      } catch {
        decoded = null;
      }
      const parsed = cursorContent.safeParse(decoded);
      if (!parsed.success) {
        context.addIssue({ code: 'custom', message: CURSOR_MESSAGE });
        return z.NEVER;
      }
      return { date: parsed.data[0], id: parsed.data[1] };
    }),
});

/** The export's query parameters, or InvalidExportParameter with the first French message. */
export function readExportParams(search: URLSearchParams): ExportParams {
  const raw: Record<string, string> = {};
  for (const name of ['periode', 'format', 'limite', 'curseur']) {
    const value = search.get(name);
    if (value !== null) raw[name] = value;
  }
  const result = exportQuery.safeParse(raw);
  if (!result.success) throw new InvalidExportParameter(result.error.issues[0]!.message);
  return result.data;
}

/**
 * The period asked for, in this establishment, and whether PRONOTE may read it on `today`
 * (Europe/Paris): begun and not closed (`cloture`, three weeks after its last day unless the
 * administrator said otherwise) — two periods may be open at once, the one that just ended
 * while its councils are held. « courante » names the period containing `today`.
 */
export async function findPeriode(
  db: Database,
  etablissementId: string,
  periode: ExportParams['periode'],
  today = todayInParis(),
): Promise<{ periode: Periode; ouverte: boolean } | null> {
  const filtre =
    periode === 'courante' ? sql`${today}::date between p.debut and p.fin` : sql`p.id = ${periode}`;
  const result = await db.execute(sql`
    select p.id, p.libelle, p.annee_scolaire as "anneeScolaire",
           to_char(p.debut, 'YYYY-MM-DD') as debut, to_char(p.fin, 'YYYY-MM-DD') as fin,
           to_char(p.cloture, 'YYYY-MM-DD') as cloture,
           ${today}::date between p.debut and p.cloture as ouverte
      from periodes p
     where p.etablissement_id = ${etablissementId} and ${filtre}
     order by p.debut limit 1`);
  const [row] = parseRows(result, periodeRow);
  if (!row) return null;
  const { ouverte, ...periodeLue } = row;
  return { periode: periodeLue, ouverte };
}

const periodeRow = z.object({
  id: z.string(),
  libelle: z.string(),
  anneeScolaire: z.string(),
  debut: z.string(),
  fin: z.string(),
  cloture: z.string(),
  ouverte: z.boolean(),
});

/** One exported bilan as the query returns it (numbers of `notes` come back as text or numbers). */
const rawBilan = z.object({
  id: z.string(),
  date: z.string(),
  valide_le: z.union([z.date(), z.string()]),
  conseils: z.string(),
  nom: z.string(),
  prenom: z.string(),
  ine: z.string().nullable(),
  classe: z.string(),
  referentiel_code: z.string(),
  referentiel_version: z.string(),
  notes: z
    .array(
      z.object({ libelle: z.string(), valeur: z.coerce.number(), coefficient: z.coerce.number() }),
    )
    .nullable(),
  competences: z
    .array(z.object({ code: z.string(), equivalence: z.string().nullable(), niveau: z.string() }))
    .nullable(),
});

export async function readExportedBilans(
  db: Database,
  etablissementId: string,
  periode: Periode,
  params: Pick<ExportParams, 'limite' | 'curseur'>,
): Promise<{ bilans: BilanExporte[]; suivant: string | null }> {
  const apres = params.curseur
    ? sql`and (b.date, b.id) > (${params.curseur.date}::date, ${params.curseur.id}::uuid)`
    : sql``;
  const result = await db.execute(sql`
    select b.id, to_char(b.date, 'YYYY-MM-DD') as date, b.valide_le, b.conseils,
           a.nom, a.prenom, a.ine, c.nom as classe,
           r.code as referentiel_code, r.version as referentiel_version,
           (select json_agg(json_build_object('libelle', n.libelle, 'valeur', n.valeur, 'coefficient', n.coefficient)
                            order by n.libelle)
              from notes n where n.bilan_id = b.id) as notes,
           (select json_agg(json_build_object('code', k.code, 'equivalence', k.equivalence, 'niveau', p.niveau)
                            order by k.rang)
              from positionnements p join competences k on k.id = p.competence_id
             where p.bilan_id = b.id) as competences
      from apprenants a
      -- Pupil by pupil through bilans (apprenant_id, date): the establishment's few thousand
      -- bilans, never a scan of the country's. OFFSET 0 keeps the planner from flattening it.
      cross join lateral (
        select b.id, b.date, b.valide_le, b.conseils, b.referentiel_id
          from bilans b
         where b.apprenant_id = a.id
           and b.valide_le is not null
           and b.date between ${periode.debut}::date and ${periode.fin}::date
           ${apres}
        offset 0
      ) b
      join referentiels r on r.id = b.referentiel_id
      join classes c on c.id = ${enrolledClassId('a', sql`b.date`)}
     where a.etablissement_id = ${etablissementId}
     order by b.date, b.id
     limit ${params.limite + 1}`);
  const rows = parseRows(result, rawBilan);
  const page = rows.slice(0, params.limite);
  const last = page[page.length - 1];
  return {
    bilans: page.map((r) => ({
      id: r.id,
      apprenant: { nom: r.nom, prenom: r.prenom, ine: r.ine, classe: r.classe },
      referentiel: { code: r.referentiel_code, version: r.referentiel_version },
      date: r.date,
      valideLe: new Date(r.valide_le).toISOString(),
      conseils: r.conseils,
      notes: r.notes ?? [],
      competences: (r.competences ?? [])
        .filter((k) => isNiveau(k.niveau))
        .map((k) => {
          const info = NIVEAU_INFOS[k.niveau as keyof typeof NIVEAU_INFOS];
          return {
            code: k.code,
            equivalence: k.equivalence,
            niveau: info.code,
            symbole: info.symbole,
            valeur: info.valeurRadar,
          };
        }),
    })),
    suivant: rows.length > params.limite && last ? encodeCursor(last.date, last.id) : null,
  };
}

const EXPORT_ROUTE = '/api/pronote/v1/bilans';

/**
 * Records the call (who, which period, how many), when each bilan was last read, and one
 * RGPD access record per bilan exported — in one statement.
 */
export async function traceExportRead(
  db: Database,
  jetonId: string,
  etablissementId: string,
  periodeId: string,
  bilanIds: string[],
): Promise<void> {
  const ids = arrayLiteral(bilanIds);
  await db.execute(sql`
    with lecture as (
      insert into pronote_lectures (jeton_id, etablissement_id, periode_id, nombre_bilans)
      values (${jetonId}, ${etablissementId}, ${periodeId}, ${bilanIds.length})
    ), usage as (
      update pronote_jetons set dernier_usage_le = now() where id = ${jetonId}
    ), trace as (
      insert into traces_acces
        (etablissement_id, jeton_id, action, route, apprenant_id, bilan_id, classe_id)
      select ${etablissementId}, ${jetonId}, 'export_pronote', ${EXPORT_ROUTE},
             b.apprenant_id, b.id, ${enrolledClassId('a', sql`b.date`)}
      from bilans b join apprenants a on a.id = b.apprenant_id
      where b.id = any(${ids}::uuid[])
    )
    insert into pronote_bilans_lus (bilan_id, derniere_lecture)
    select unnest(${ids}::uuid[]), now()
    on conflict (bilan_id) do update set derniere_lecture = excluded.derniere_lecture`);
}
