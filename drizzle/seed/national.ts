// National-scale data for the scale benchmarks (issue #7), on PostgreSQL only: about 600
// establishments, 40 000 pupils in classes of 14–30 of the current school year, each with
// six bilans over three school years (≈ 240 000 bilans, ≈ 5 million positionnements).
// Built by set-based SQL (generate_series, INSERT … SELECT), one statement per table, on
// top of the demo data (so the benchmark's teacher and pupils are the same as on the demo).
import { sql } from 'drizzle-orm';
import { rowsOf } from '@/lib/db/rows';
import type { Database } from '@/lib/db/types';
import { schoolYearOf } from '@/lib/common/dates';
import { hashPassword } from '@/lib/auth/password';
import { CONSEILS, CONSTATS, DEMO_PASSWORD } from './demo-data';
import { NOMS, PRENOMS } from './noms';
import { REFERENTIEL_SN } from './referentiel-sn';
import { stableId } from './random';

export interface NationalOptions {
  etablissements: number;
  /** School years of bilans, the current one included. */
  annees: number;
  bilansParApprenant: number;
}

export const NATIONAL: NationalOptions = { etablissements: 600, annees: 3, bilansParApprenant: 6 };

export interface NationalReport {
  skipped: boolean;
  etablissements: number;
  classes: number;
  apprenants: number;
  bilans: number;
  positionnements: number;
  steps: { step: string; ms: number }[];
}

/** National UAIs: `N` + six digits + `Z`, never an existing French UAI. */
const UAI_PREFIX = 'N';

/**
 * Bilan dates: four per school year (October, December, March, May), none after today,
 * the latest `count` of them — which spreads six bilans over three school years.
 */
export function nationalBilanDates(today: string, count: number, annees: number): string[] {
  const currentStart = Number(schoolYearOf(today).slice(0, 4));
  const dates: string[] = [];
  for (let start = currentStart - annees + 1; start <= currentStart; start++) {
    dates.push(`${start}-10-09`, `${start}-12-11`, `${start + 1}-03-12`, `${start + 1}-05-27`);
  }
  return dates.filter((d) => d <= today).slice(-count);
}

/** A PostgreSQL array literal, sent as ONE parameter (Drizzle would expand a JS array). */
function textArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

async function count(db: Database, query: ReturnType<typeof sql>): Promise<number> {
  return Number(rowsOf<{ n: string | number }>(await db.execute(query))[0]?.n ?? 0);
}

export async function seedNational(
  db: Database,
  today: string,
  options: NationalOptions = NATIONAL,
): Promise<NationalReport> {
  const steps: NationalReport['steps'] = [];
  async function step(name: string, query: ReturnType<typeof sql>) {
    const started = performance.now();
    await db.execute(query);
    steps.push({ step: name, ms: Math.round(performance.now() - started) });
  }
  const existing = await count(
    db,
    sql`select count(*) as n from etablissements where uai like ${`${UAI_PREFIX}%`}`,
  );
  const annee = schoolYearOf(today);
  const referentielId = stableId('referentiel', REFERENTIEL_SN.code);
  const dates = nationalBilanDates(today, options.bilansParApprenant, options.annees);
  const latest = dates.at(-1) ?? today;
  const national = sql`(select id from etablissements where uai like ${`${UAI_PREFIX}%`})`;

  if (existing === 0) {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await step(
      'etablissements',
      sql`insert into etablissements (uai, nom)
          select ${UAI_PREFIX} || lpad(i::text, 6, '0') || 'Z', 'Lycée professionnel n° ' || i
          from generate_series(1, ${options.etablissements}) as i`,
    );
    await step(
      'utilisateurs',
      sql`insert into utilisateurs (etablissement_id, email, nom, prenom, role, password_hash)
          select id, 'enseignant.' || lower(uai) || '@lycees.test', 'ENSEIGNANT', uai,
                 'enseignant', ${passwordHash}
          from etablissements where uai like ${`${UAI_PREFIX}%`}`,
    );
    await step(
      'classes',
      sql`insert into classes (etablissement_id, referentiel_id, nom, annee_scolaire)
          select e.id, ${referentielId}, n.nom, ${annee}
          from etablissements e
          cross join (values ('2de SN'), ('1re SN'), ('Tle SN')) as n(nom)
          where e.uai like ${`${UAI_PREFIX}%`}`,
    );
    // Class sizes 14–30 drawn from the class id; names drawn from the demo's lists.
    await step(
      'apprenants',
      sql`insert into apprenants (etablissement_id, classe_id, nom, prenom, ine)
          select c.etablissement_id, c.id,
                 (${textArray(NOMS)}::text[])[1 + abs(hashtext(c.id::text || i)) % ${NOMS.length}],
                 (${textArray(PRENOMS)}::text[])[1 + abs(hashtext(i || c.id::text)) % ${PRENOMS.length}],
                 lpad((abs(hashtext(c.id::text || '/' || i)) % 1000000000)::text, 10, '0')
                   || chr(65 + abs(hashtext(i || '/' || c.id::text)) % 26)
          from classes c
          cross join lateral generate_series(1, 14 + abs(hashtext(c.id::text)) % 17) as i
          where c.etablissement_id in ${national}`,
    );
    // Created open, filled, then validated (below): the database refuses positionnements
    // added to a validated bilan.
    await step(
      'bilans',
      sql`insert into bilans (apprenant_id, auteur_id, date, constats, conseils)
          select a.id, u.id, d.date::date,
                 (${textArray(CONSTATS)}::text[])[1 + abs(hashtext(a.id::text || d.date)) % ${CONSTATS.length}],
                 (${textArray(CONSEILS)}::text[])[1 + abs(hashtext(d.date || a.id::text)) % ${CONSEILS.length}]
          from apprenants a
          join utilisateurs u on u.etablissement_id = a.etablissement_id and u.role = 'enseignant'
          cross join unnest(${textArray(dates)}::text[]) as d(date)
          where a.etablissement_id in ${national}`,
    );
    // Levels weighted towards the middle, as in a real class; NE now and then.
    await step(
      'positionnements',
      sql`insert into positionnements (bilan_id, competence_id, niveau)
          select b.id, k.id,
                 (array['NE','-','-+','-+','+','+','+','++','++','-+']::niveau[])
                   [1 + abs(hashtext(b.id::text || k.code)) % 10]
          from bilans b
          join apprenants a on a.id = b.apprenant_id
          cross join competences k
          where k.referentiel_id = ${referentielId} and a.etablissement_id in ${national}`,
    );
    // Validated a few days after their date, except the latest ones (still pending).
    await step(
      'validation',
      sql`update bilans b set valide_le = b.date + 4
          from apprenants a
          where a.id = b.apprenant_id and a.etablissement_id in ${national}
            and b.date < ${latest}::date and b.valide_le is null`,
    );
    await step(
      'periodes',
      sql`insert into periodes (etablissement_id, annee_scolaire, libelle, debut, fin)
          select e.id, ${annee}, p.libelle, p.debut::date, p.fin::date
          from etablissements e
          cross join (values
            ('1er trimestre', ${`${annee.slice(0, 4)}-09-01`}, ${`${annee.slice(0, 4)}-11-30`}),
            ('2e trimestre', ${`${annee.slice(0, 4)}-12-01`}, ${`${annee.slice(5)}-02-28`}),
            ('3e trimestre', ${`${annee.slice(5)}-03-01`}, ${`${annee.slice(5)}-07-04`})
          ) as p(libelle, debut, fin)
          where e.uai like ${`${UAI_PREFIX}%`}`,
    );
    await step('analyze', sql`analyze`);
  }

  return {
    skipped: existing > 0,
    etablissements: await count(db, sql`select count(*) as n from ${national} e`),
    classes: await count(
      db,
      sql`select count(*) as n from classes where etablissement_id in ${national}`,
    ),
    apprenants: await count(
      db,
      sql`select count(*) as n from apprenants where etablissement_id in ${national}`,
    ),
    bilans: await count(
      db,
      sql`select count(*) as n from bilans b join apprenants a on a.id = b.apprenant_id
          where a.etablissement_id in ${national}`,
    ),
    positionnements: await count(db, sql`select count(*) as n from positionnements`),
    steps,
  };
}
