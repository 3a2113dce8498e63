// National-scale data for the scale benchmarks (issue #7), on PostgreSQL only: about 600
// establishments over three school years that follow the real calendar — the bac pro SN
// cohorts up to the one that entered 2de in 2022 (last exam session 2025), bac pro CIEL
// from the 2023 school start. Each establishment has its 2de, 1re and Tle of every year;
// pupils are enrolled year after year (2de → 1re → Tle), with four bilans a school year in
// the referential of that year's class (≈ 65 000 pupils, ≈ 340 000 bilans, ≈ 5 million
// positionnements). Built by set-based SQL (generate_series, INSERT … SELECT), one
// statement per table, on top of the demo data (so the benchmark's teacher and pupils are
// the same as on the demo).
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { parseRows } from '@/lib/db/rows';
import { arrayLiteral } from '@/lib/db/array-literal';
import type { Database } from '@/lib/db/types';
import { schoolYearOf } from '@/lib/common/dates';
import { hashPassword } from '@/lib/auth/ways/password/password';
import { CONSEILS, CONSTATS, DEMO_PASSWORD } from './demo-data';
import { NOMS, PRENOMS } from './noms';
import { REFERENTIEL_SN } from './referentiel-sn';
import { REFERENTIEL_CIEL } from './referentiel-ciel';
import { stableId } from './random';

export interface NationalOptions {
  etablissements: number;
  /** School years of classes and bilans, the current one included. */
  annees: number;
}

export const NATIONAL: NationalOptions = { etablissements: 600, annees: 3 };

/** The first cohort of the bac pro CIEL entered 2de at the 2023 school start. */
export const FIRST_CIEL_COHORT = 2023;

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

async function count(db: Database, query: ReturnType<typeof sql>): Promise<number> {
  return parseRows(await db.execute(query), z.object({ n: z.coerce.number() }))[0]?.n ?? 0;
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
  const current = Number(annee.slice(0, 4));
  const first = current - options.annees + 1;
  // The latest bilan date so far: those bilans are still awaiting validation.
  const latestDate =
    [`${current}-10-09`, `${current}-12-11`, `${current + 1}-03-12`, `${current + 1}-05-27`]
      .filter((d) => d <= today)
      .at(-1) ?? `${current}-09-01`;
  const sn = stableId('referentiel', REFERENTIEL_SN.code);
  const ciel = stableId('referentiel', REFERENTIEL_CIEL.code);
  const national = sql`(select id from etablissements where uai like ${`${UAI_PREFIX}%`})`;
  // A class's level (0 = 2de, 1 = 1re, 2 = Tle), its school year's first year, its size.
  const level = (c: string) =>
    sql.raw(`(case left(${c}.nom, 3) when '2de' then 0 when '1re' then 1 else 2 end)`);
  const start = (c: string) => sql.raw(`left(${c}.annee_scolaire, 4)::int`);
  // Pupils belong to the class they were last enrolled in: this year's classes, and the
  // Tle of past years (pupils who have left since).
  const lastClasses = sql`from classes c
          cross join lateral generate_series(1, 14 + abs(hashtext(c.id::text)) % 17) as i
          where c.etablissement_id in ${national}
            and (c.annee_scolaire = ${annee} or left(c.nom, 3) = 'Tle')`;

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
    // A cohort's referential is that of the year it entered 2de (school year − level).
    await step(
      'classes',
      sql`insert into classes (etablissement_id, referentiel_id, nom, annee_scolaire)
          select e.id,
                 case when y.s - l.n >= ${FIRST_CIEL_COHORT} then ${ciel}::uuid else ${sn}::uuid end,
                 l.prefixe || case when y.s - l.n >= ${FIRST_CIEL_COHORT} then ' CIEL' else ' SN' end,
                 y.s || '-' || (y.s + 1)
          from etablissements e
          cross join generate_series(${first}::int, ${current}::int) as y(s)
          cross join (values (0, '2de'), (1, '1re'), (2, 'Tle')) as l(n, prefixe)
          where e.uai like ${`${UAI_PREFIX}%`}`,
    );
    // Class sizes 14–30 drawn from the class id; names drawn from the demo's lists.
    await step(
      'apprenants',
      sql`insert into apprenants (id, etablissement_id, nom, prenom, ine)
          select md5(c.id::text || '/' || i)::uuid, c.etablissement_id,
                 (${arrayLiteral(NOMS)}::text[])[1 + abs(hashtext(c.id::text || i)) % ${NOMS.length}],
                 (${arrayLiteral(PRENOMS)}::text[])[1 + abs(hashtext(i || c.id::text)) % ${PRENOMS.length}],
                 lpad((abs(hashtext(c.id::text || '/' || i)) % 1000000000)::text, 10, '0')
                   || chr(65 + abs(hashtext(i || '/' || c.id::text)) % 26)
          ${lastClasses}`,
    );
    // Enrolled in the class of the level below the year before, as far back as there are years.
    await step(
      'inscriptions',
      sql`insert into inscriptions (apprenant_id, classe_id, annee_scolaire)
          select md5(c.id::text || '/' || i)::uuid, c2.id, c2.annee_scolaire
          from classes c
          cross join lateral generate_series(1, 14 + abs(hashtext(c.id::text)) % 17) as i
          join classes c2 on c2.etablissement_id = c.etablissement_id
                         and ${level('c2')} <= ${level('c')}
                         and ${start('c2')} = ${start('c')} - (${level('c')} - ${level('c2')})
          where c.etablissement_id in ${national}
            and (c.annee_scolaire = ${annee} or left(c.nom, 3) = 'Tle')`,
    );
    // Four bilans a school year (October, December, March, May), none after today, each in
    // the referential of that year's class. Created open, filled, then validated (below):
    // the database refuses positionnements added to a validated bilan.
    await step(
      'bilans',
      sql`insert into bilans (apprenant_id, referentiel_id, auteur_id, date, constats, conseils)
          select i.apprenant_id, c.referentiel_id, u.id, d.date,
                 (${arrayLiteral(CONSTATS)}::text[])[1 + abs(hashtext(i.apprenant_id::text || d.date)) % ${CONSTATS.length}],
                 (${arrayLiteral(CONSEILS)}::text[])[1 + abs(hashtext(d.date || i.apprenant_id::text)) % ${CONSEILS.length}]
          from inscriptions i
          join classes c on c.id = i.classe_id
          join utilisateurs u on u.etablissement_id = c.etablissement_id and u.role = 'enseignant'
          cross join lateral (values
            (make_date(${start('c')}, 10, 9)), (make_date(${start('c')}, 12, 11)),
            (make_date(${start('c')} + 1, 3, 12)), (make_date(${start('c')} + 1, 5, 27))
          ) as d(date)
          where c.etablissement_id in ${national} and d.date <= ${today}::date`,
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
          join competences k on k.referentiel_id = b.referentiel_id
          where a.etablissement_id in ${national}`,
    );
    // Validated a few days after their date, except the latest ones (still pending).
    await step(
      'validation',
      sql`update bilans b set valide_le = b.date + 4
          from apprenants a
          where a.id = b.apprenant_id and a.etablissement_id in ${national}
            and b.date < ${latestDate}::date and b.valide_le is null`,
    );
    await step(
      'periodes',
      sql`insert into periodes (etablissement_id, annee_scolaire, libelle, debut, fin, cloture)
          select e.id, ${annee}, p.libelle, p.debut::date, p.fin::date, p.fin::date + 21
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
