// Every query behind a page, a PDF or the PRONOTE export reaches bilans and positionnements
// through an index: run on PostgreSQL with a few thousand pupils from the national seed
// (and fresh statistics), each captured query is EXPLAINed and its plan must hold no
// sequential scan of those tables. This is what keeps a page's cost flat as data grows.
import { DEMO_IDS } from '@/drizzle/seed/demo-ids';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from 'drizzle-orm/logger';
import { sql } from 'drizzle-orm';
import type { Pool } from 'pg';
import { useDemoDatabase } from '@/drizzle/seed/testing';
import { seedNational } from '@/drizzle/seed/national';
import { findAccount } from '@/lib/auth/accounts';
import { openSession } from '@/lib/auth/sessions';
import { getBilanPage } from '@/lib/bilans/bilan-page-query';
import { getDerniersBilans } from '@/lib/bilans/derniers-bilans';
import { listApprenants, listClasses } from '@/lib/bilans/classes';
import { getSynthese } from '@/lib/synthese/query';
import { getBilanPdfSujet, getClassePdfSujet } from '@/lib/impression/sujets';
import { readExportedBilans, findPeriode } from '@/lib/pronote/export';
import { rowsOf } from './rows';
import { testDrivers } from './testing';

const TODAY = '2026-11-28';
const postgres = testDrivers().find((d) => d.name === 'postgres');
const demo = DEMO_IDS.etablissement;
const classe = DEMO_IDS.classe;
const angie = DEMO_IDS.angie;
const angieLatest = DEMO_IDS.angieDernierBilan;
const teacher = DEMO_IDS.enseignant;
const ARCHIVES = new Set(['bilans', 'positionnements', 'inscriptions']);

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

function seqScans(node: PlanNode): string[] {
  const own =
    node['Node Type'] === 'Seq Scan' && node['Relation Name'] ? [node['Relation Name']] : [];
  return [...own, ...(node.Plans ?? []).flatMap(seqScans)];
}

describe.skipIf(!postgres)('query plans at scale (PostgreSQL)', () => {
  const captured: { query: string; params: unknown[] }[] = [];
  const logger: Logger = { logQuery: (query, params) => void captured.push({ query, params }) };
  // No statement timeout: the national seed inserts 300 000 rows in one statement, which a
  // loaded two-core machine can take longer than the application's 10 s to write.
  const connection = useDemoDatabase(postgres!, { today: TODAY, logger, statementTimeoutMs: 0 });

  beforeAll(async () => {
    // 40 establishments ≈ 4 400 pupils, 23 000 bilans, 300 000 positionnements.
    await seedNational(connection().db, TODAY, { etablissements: 40, annees: 3 });
  }, 120_000);

  it('the seed follows the real calendar: SN archives before 2025, CIEL after, enrolments over three years', async () => {
    const db = connection().db;
    const byYear = rowsOf<{ year: string; sigle: string }>(
      await db.execute(sql`
        select distinct c.annee_scolaire as year, r.sigle
          from classes c join referentiels r on r.id = c.referentiel_id
          join etablissements e on e.id = c.etablissement_id
         where e.uai like 'N%' and left(c.nom, 3) = 'Tle' order by 1`),
    );
    expect(byYear).toEqual([
      { year: '2024-2025', sigle: 'SN' },
      { year: '2025-2026', sigle: 'CIEL' },
      { year: '2026-2027', sigle: 'CIEL' },
    ]);
    const [course] = rowsOf<{ years: string; mixed: string }>(
      await db.execute(sql`
        select max(n) as years,
               count(*) filter (where referentiels > 1) as mixed
          from (select i.apprenant_id, count(*) as n,
                       (select count(distinct b.referentiel_id) from bilans b
                         where b.apprenant_id = i.apprenant_id) as referentiels
                  from inscriptions i join apprenants a on a.id = i.apprenant_id
                  join etablissements e on e.id = a.etablissement_id
                 where e.uai like 'N%' group by i.apprenant_id) t`),
    );
    // Pupils followed over three years; none has bilans of two referentials (one cohort).
    expect(Number(course?.years)).toBe(3);
    expect(Number(course?.mixed)).toBe(0);
  });

  it('no page, PDF or export query scans bilans or positionnements sequentially', async () => {
    const national = rowsOf<{ etab: string; classe: string; apprenant: string; bilan: string }>(
      await connection().db.execute(sql`
        select a.etablissement_id as etab, i.classe_id as classe, a.id as apprenant, b.id as bilan
          from apprenants a join bilans b on b.apprenant_id = a.id
          join inscriptions i on i.apprenant_id = a.id
          join etablissements e on e.id = a.etablissement_id
         where e.uai like 'N%' order by b.date desc, i.annee_scolaire desc limit 1`),
    )[0]!;
    const db = connection().db;
    const sessionId = await openSession(db, teacher, 'credentials', 3600);
    captured.length = 0;
    await findAccount(db, teacher, sessionId);
    for (const [etab, cls, apprenant, bilan] of [
      [demo, classe, angie, angieLatest],
      [national.etab, national.classe, national.apprenant, national.bilan],
    ] as const) {
      await listClasses(db, etab);
      await listApprenants(db, etab, cls);
      expect(await getBilanPage(db, etab, apprenant, null)).not.toBeNull();
      await getBilanPage(db, etab, apprenant, bilan, { selection: false });
      expect(await getDerniersBilans(db, etab, cls)).not.toBeNull();
      expect(await getSynthese(db, etab, cls, { au: null, tri: 'nom' })).not.toBeNull();
      await getSynthese(db, etab, cls, { au: '2016-06-01', tri: 'acquis' });
      await getBilanPdfSujet(db, etab, apprenant, bilan);
      await getClassePdfSujet(db, etab, cls);
      const found = await findPeriode(db, etab, 'courante', TODAY);
      if (found) await readExportedBilans(db, etab, found.periode, { limite: 100, curseur: null });
    }
    expect(captured.length).toBeGreaterThanOrEqual(19);

    const pool = (db as unknown as { $client: Pool }).$client;
    const offenders: string[] = [];
    for (const { query, params } of captured.splice(0)) {
      const { rows } = await pool.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
        `explain (format json) ${query}`,
        params,
      );
      const scans = seqScans(rows[0]!['QUERY PLAN'][0].Plan).filter((t) => ARCHIVES.has(t));
      if (scans.length) offenders.push(`${scans.join(', ')} ← ${query.slice(0, 200)}`);
    }
    expect(offenders).toEqual([]);
  });
});
