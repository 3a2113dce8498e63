// The batch path on both drivers: one result per line in line order, each line standing
// alone (a bad line refuses itself only), new sources written together, a repeated source
// replacing its draft, a validated one in conflict; the size limits.
import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { rowsOf } from '@/lib/db/rows';
import { useDemoDatabase } from '@/drizzle/seed/testing';
import { DEMO_IDS } from '@/drizzle/seed/demo-ids';
import { testDrivers } from '@/lib/db/testing';
import {
  apprenants,
  bilans,
  ecrituresAlimentation,
  positionnements,
  sourcesBilans,
  pronoteJetons,
} from '@/lib/db/schema';
import type { Database } from '@/lib/db/types';
import { createApiToken } from '@/lib/auth/api-tokens';
import { withApiToken } from '@/lib/pipeline';
import { lotRoute } from './handler';

/** The route as the server mounts it (lib/pipeline's token check and errors), on `db`. */
function handleLot(db: Database, request: Request): Promise<Response> {
  return withApiToken(
    'alimentation',
    lotRoute,
    async () => db,
  )(request, {
    params: Promise.resolve({}),
  });
}
import type { ResultatLigne } from './lots';

const CIEL = ['C01', 'C03', 'C04', 'C06', 'C07', 'C08', 'C09', 'C10', 'C11'];

describe.each(testDrivers())('write API batches ($name)', (driver) => {
  // Every statement, to count what a batch sends (recorded only while `recording`).
  const statements: string[] = [];
  let recording = false;
  const connection = useDemoDatabase(driver, {
    logger: {
      logQuery(query) {
        if (recording) statements.push(query);
      },
    },
  });
  let db: Database;
  let token: string;
  let tokenId: string;
  let ines: string[];

  beforeAll(async () => {
    db = connection().db;
    const created = await createApiToken(db, 'alimentation', DEMO_IDS.etablissement, 'lots');
    token = created.jeton;
    tokenId = created.id;
    ines = (
      await db
        .select({ ine: apprenants.ine })
        .from(apprenants)
        .where(
          and(
            eq(apprenants.etablissementId, DEMO_IDS.etablissement),
            sql`${apprenants.ine} is not null`,
          ),
        )
        .limit(30)
    ).map((r) => r.ine!);
  });

  const line = (source: string, ine: string, over: Record<string, unknown> = {}) =>
    JSON.stringify({
      source,
      apprenant: { ine },
      referentiel: { code: 'BAC-PRO-CIEL', version: '2023' },
      date: '2026-10-15',
      constats: 'Historique.',
      conseils: '',
      positionnements: Object.fromEntries(CIEL.map((c) => [c, '-+'])),
      notes: [],
      valide: false,
      ...over,
    });
  const post = (body: string, type = 'application/x-ndjson') =>
    handleLot(
      db,
      new Request('http://localhost/api/alimentation/v1/lots', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': type },
        body,
      }),
    );
  const results = async (response: Response) =>
    (await response.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as ResultatLigne);

  it('answers one result per line, in order, each line alone', async () => {
    const response = await post(
      [
        line('hist:1', ines[0]!),
        line('hist:2', ines[1]!, { valide: true }),
        '{ pas du json',
        '',
        line('hist:3', 'INCONNU0000'),
        line('hist:1', ines[0]!, { constats: 'Corrigé.' }),
        line('hist:4', ines[2]!, { positionnements: { C01: '+' } }),
        JSON.stringify({ apprenant: { ine: ines[0] } }),
      ].join('\n'),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/x-ndjson');
    const out = await results(response);
    expect(out.map((r) => [r.ligne, r.source, r.statut])).toEqual([
      [1, 'hist:1', 'cree'],
      [2, 'hist:2', 'cree'],
      [3, null, 'refuse'],
      [5, 'hist:3', 'refuse'],
      [6, 'hist:1', 'remplace'],
      [7, 'hist:4', 'refuse'],
      [8, null, 'refuse'],
    ]);
    expect(out[3]!.erreurs).toEqual([
      { champ: 'apprenant', message: 'Aucun apprenant de l’établissement ne correspond.' },
    ]);
    expect(out[5]!.erreurs?.length).toBe(8); // eight competences missing
    const [hist2] = await db.select().from(bilans).where(eq(bilans.id, out[1]!.id!));
    expect(hist2?.valideLe).toBeInstanceOf(Date);
    expect(
      (await db.select().from(positionnements).where(eq(positionnements.bilanId, out[1]!.id!)))
        .length,
    ).toBe(9);
    // The first version of hist:1 was replaced: only the second remains.
    expect(await db.select().from(bilans).where(eq(bilans.id, out[0]!.id!))).toEqual([]);
    const mapped = await db.select().from(sourcesBilans).where(eq(sourcesBilans.source, 'hist:1'));
    expect(mapped.map((m) => m.bilanId)).toEqual([out[4]!.id]);
    const traced = await db
      .select()
      .from(ecrituresAlimentation)
      .where(sql`${ecrituresAlimentation.source} like 'hist:%'`);
    expect(traced.length).toBe(5);
    // A batch is a use of its token, shown on the administration page.
    const [used] = await db
      .select({ at: pronoteJetons.dernierUsageLe })
      .from(pronoteJetons)
      .where(eq(pronoteJetons.id, tokenId));
    expect(used?.at).toBeInstanceOf(Date);
  });

  it('writes the new sources of a slice together: one statement per table', async () => {
    const lot = Array.from({ length: 40 }, (_, i) =>
      line(`ensemble:${i}`, ines[i % 3]!, {
        valide: i % 2 === 0,
        constats: `Constat n° ${i} : « guillemets », virgules, {accolades} et \\ barre.`,
        notes: [{ libelle: 'Oral, "final"', valeur: 12.5, coefficient: 1 }],
      }),
    ).join('\n');
    statements.length = 0;
    recording = true;
    const out = await results(await post(lot));
    recording = false;
    expect(out.map((r) => r.statut)).toEqual(Array(40).fill('cree'));
    const inserts = (table: string) =>
      statements.filter((s) => s.toLowerCase().startsWith(`insert into "${table}"`)).length;
    // Not line by line: a slice that fell back would send 40 of each.
    expect(inserts('bilans')).toBe(1);
    expect(inserts('positionnements')).toBe(1);
    expect(inserts('notes')).toBe(1);
    expect(inserts('sources_bilans')).toBe(1);
    expect(inserts('ecritures_alimentation')).toBe(1);
    const [written] = await db.select().from(bilans).where(eq(bilans.id, out[7]!.id!));
    expect(written?.constats).toBe(
      'Constat n° 7 : « guillemets », virgules, {accolades} et \\ barre.',
    );
    expect(written?.valideLe).toBeNull();
  });

  it('keeps line order and each line’s fate across slices checked while others are written', async () => {
    // 600 lines: three slices. Line 300 repeats line 10's source (a later slice: it replaces
    // the draft written by the first), line 420 is refused by its checks.
    const lot = Array.from({ length: 600 }, (_, i) => {
      const n = i + 1;
      if (n === 300) return line('tranches:10', ines[0]!, { constats: 'Remplacé.' });
      if (n === 420) return line('tranches:420', 'INCONNU0000');
      // Over 30 pupils: 20 bilans each, well under the bound of 100 per pupil.
      return line(`tranches:${n}`, ines[n % 30]!);
    }).join('\n');
    const out = await results(await post(lot));
    expect(out.map((r) => r.ligne)).toEqual(Array.from({ length: 600 }, (_, i) => i + 1));
    const statuts = out.map((r) => r.statut);
    expect(statuts.filter((x) => x === 'cree')).toHaveLength(598);
    expect(statuts[299]).toBe('remplace');
    expect(statuts[419]).toBe('refuse');
    const [mapped] = await db
      .select({ bilanId: sourcesBilans.bilanId })
      .from(sourcesBilans)
      .where(eq(sourcesBilans.source, 'tranches:10'));
    expect(mapped?.bilanId).toBe(out[299]!.id);
    const [replaced] = await db.select().from(bilans).where(eq(bilans.id, out[299]!.id!));
    expect(replaced?.constats).toBe('Remplacé.');
  });

  it('refuses, line by line and in words, bilans past the bound of 100 per pupil', async () => {
    const pupil = ines[29]!;
    const lot = Array.from({ length: 130 }, (_, i) => line(`borne:${i}`, pupil)).join('\n');
    const out = await results(await post(lot));
    const count = rowsOf<{ n: number }>(
      await db.execute(sql`
        select count(*)::int as n from bilans b join apprenants a on a.id = b.apprenant_id
         where a.ine = ${pupil}`),
    )[0]!.n;
    expect(count).toBe(100);
    const refused = out.filter((r) => r.statut === 'refuse');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]!.erreurs).toEqual([
      {
        champ: 'apprenant',
        message: 'Cet apprenant a déjà 100 bilans : c’est la limite, rien n’a été écrit.',
      },
    ]);
  });

  it('the same lot again changes nothing; a validated source in conflict', async () => {
    const out = await results(
      await post(
        [
          line('hist:2', ines[1]!, { valide: true }),
          line('hist:2', ines[1]!, { constats: 'Autre.' }),
        ].join('\n'),
      ),
    );
    expect(out.map((r) => r.statut)).toEqual(['inchange', 'conflit']);
  });

  it('refuses a body that is not NDJSON, or of more than 10 000 lines', async () => {
    expect((await post('{}', 'application/json')).status).toBe(415);
    const many = Array.from({ length: 10_001 }, () => '{}').join('\n');
    const refused = await post(many);
    expect(refused.status).toBe(413);
    expect(await refused.json()).toEqual({
      erreur: 'trop_de_lignes',
      message: 'Le lot compte 10001 lignes : 10 000 au plus.',
    });
  });
});
