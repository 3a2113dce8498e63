// The write API on both drivers, answer by answer: 201 the first time, 200 for the same body
// or a replaced draft (a new bilan: the old one is gone), validation once, 409 on a validated
// bilan, 422 naming every problem (another school's pupil answered as nobody's), 401, 413,
// 415; GET gives back what can be sent again; DELETE withdraws a draft only; concurrent writes
// of one source make one bilan; every write traced; the triggers hold whoever writes.
import { beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, sql } from 'drizzle-orm';
import { useDemoDatabase } from '@/drizzle/seed/testing';
import { DEMO_ACCOUNTS } from '@/drizzle/seed/demo-data';
import { DEMO_IDS } from '@/drizzle/seed/demo-ids';
import { pgErrorCode, testDrivers } from '@/lib/db/testing';
import { rowsOf } from '@/lib/db/rows';
import {
  apprenants,
  bilans,
  ecrituresAlimentation,
  etablissements,
  notes,
  positionnements,
  sourcesBilans,
} from '@/lib/db/schema';
import type { Database } from '@/lib/db/types';
import { createApiToken, revokeApiToken } from '@/lib/auth/api-tokens';
import { withApiToken } from '@/lib/pipeline';
import { bilanRoute } from './handler';

/** The route as the server mounts it (lib/pipeline's token check and errors), on `db`. */
function handleBilan(db: Database, request: Request, source: string): Promise<Response> {
  return withApiToken(
    'alimentation',
    bilanRoute,
    async () => db,
  )(request, {
    params: Promise.resolve({ source }),
  });
}

const CIEL = ['C01', 'C03', 'C04', 'C06', 'C07', 'C08', 'C09', 'C10', 'C11'];

describe.each(testDrivers())('write API ($name)', (driver) => {
  const connection = useDemoDatabase(driver);
  /** The owner's connection: the tests' own reads and checks. */
  let db: Database;
  /** What the handler runs as: on PostgreSQL the least-privilege role, as in production. */
  let app: Database;
  let token: string;
  let tokenId: string;
  let pronoteToken: string;
  let ine: string;
  let voisinIne: string;

  beforeAll(async () => {
    db = connection().db;
    app = (await connection().asAppRole()).db;
    const created = await createApiToken(db, 'alimentation', DEMO_IDS.etablissement, 'test');
    token = created.jeton;
    tokenId = created.id;
    pronoteToken = (await createApiToken(db, 'pronote', DEMO_IDS.etablissement, 'pn')).jeton;
    const [pupil] = await db
      .select({ ine: apprenants.ine })
      .from(apprenants)
      .where(
        and(
          eq(apprenants.etablissementId, DEMO_IDS.etablissement),
          sql`${apprenants.ine} is not null`,
        ),
      )
      .limit(1);
    ine = pupil!.ine!;
    const [voisin] = await db
      .select({ ine: apprenants.ine })
      .from(apprenants)
      .where(
        and(
          eq(apprenants.etablissementId, DEMO_IDS.etablissementVoisin),
          sql`${apprenants.ine} is not null`,
        ),
      )
      .limit(1);
    voisinIne = voisin!.ine!;
  });

  const body = (over: Record<string, unknown> = {}) => ({
    apprenant: { ine },
    referentiel: { code: 'BAC-PRO-CIEL', version: '2023' },
    date: '2026-11-30',
    auteur: DEMO_ACCOUNTS.enseignant,
    constats: 'Bon travail en atelier.',
    conseils: 'Continuer.',
    positionnements: Object.fromEntries(CIEL.map((c) => [c, '+'])),
    notes: [
      { libelle: 'Évaluation pratique', valeur: 14.5, coefficient: 2 },
      { libelle: 'Dossier', valeur: 12, coefficient: 1 },
      { libelle: 'Carnet', valeur: 9.25, coefficient: 0.5 },
    ],
    valide: false,
    ...over,
  });
  const call = (
    method: string,
    source: string,
    payload?: unknown,
    headers: Record<string, string> = {},
    bearer = token,
  ) =>
    handleBilan(
      app,
      new Request(`http://localhost/api/alimentation/v1/bilans/${encodeURIComponent(source)}`, {
        method,
        headers: {
          ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}),
          ...(payload !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...headers,
        },
        body:
          payload === undefined
            ? undefined
            : typeof payload === 'string'
              ? payload
              : JSON.stringify(payload),
      }),
      encodeURIComponent(source),
    );
  const bilanCount = async () => (await db.select({ n: count() }).from(bilans))[0]!.n;

  it('creates (201, Location), then the same body is 200 and writes nothing', async () => {
    const before = await bilanCount();
    const first = await call('PUT', 'tdb:2026:1', body());
    expect(first.status).toBe(201);
    const created = (await first.json()) as { id: string; url: string; valide: boolean };
    expect(first.headers.get('Location')).toBe(created.url);
    expect(created.url).toMatch(/^\/bilans\/[0-9a-f-]{36}\/[0-9a-f-]{36}$/);
    expect(created.valide).toBe(false);
    expect(await bilanCount()).toBe(before + 1);
    const again = await call('PUT', 'tdb:2026:1', body());
    expect(again.status).toBe(200);
    expect(((await again.json()) as { id: string }).id).toBe(created.id);
    expect(await bilanCount()).toBe(before + 1);
    const [stored] = await db.select().from(bilans).where(eq(bilans.id, created.id));
    expect(stored).toMatchObject({
      date: '2026-11-30',
      valideLe: null,
      constats: 'Bon travail en atelier.',
    });
  });

  it('replaces a draft by a new bilan, the old one withdrawn with its levels and marks', async () => {
    const first = (await (await call('PUT', 'tdb:2026:2', body())).json()) as { id: string };
    const replaced = await call('PUT', 'tdb:2026:2', body({ constats: 'Corrigé.' }));
    expect(replaced.status).toBe(200);
    const second = (await replaced.json()) as { id: string };
    expect(second.id).not.toBe(first.id);
    expect(await db.select().from(bilans).where(eq(bilans.id, first.id))).toEqual([]);
    expect(
      await db.select().from(positionnements).where(eq(positionnements.bilanId, first.id)),
    ).toEqual([]);
    expect(await db.select().from(notes).where(eq(notes.bilanId, first.id))).toEqual([]);
    expect(
      (await db.select().from(positionnements).where(eq(positionnements.bilanId, second.id)))
        .length,
    ).toBe(9);
  });

  it('validates once (in place), then refuses any change with 409; the same body stays 200', async () => {
    const draft = (await (await call('PUT', 'tdb:2026:3', body())).json()) as { id: string };
    const validated = await call('PUT', 'tdb:2026:3', body({ valide: true }));
    expect(validated.status).toBe(200);
    expect(await validated.json()).toMatchObject({ id: draft.id, valide: true });
    const [row] = await db
      .select({ v: bilans.valideLe })
      .from(bilans)
      .where(eq(bilans.id, draft.id));
    expect(row?.v).toBeInstanceOf(Date);
    expect((await call('PUT', 'tdb:2026:3', body({ valide: true }))).status).toBe(200);
    const conflict = await call('PUT', 'tdb:2026:3', body({ valide: true, constats: 'Autre.' }));
    expect(conflict.status).toBe(409);
    expect(await conflict.json()).toEqual({
      erreur: 'bilan_valide',
      message: 'Ce bilan est validé : il ne peut plus être modifié.',
    });
    expect((await call('DELETE', 'tdb:2026:3')).status).toBe(409);
    // A validated bilan sent at once is validated at once.
    const direct = await call('PUT', 'tdb:2026:4', body({ valide: true }));
    expect(direct.status).toBe(201);
    expect(await direct.json()).toMatchObject({ valide: true });
  });

  it('names every problem with 422, writes nothing, and answers another school’s pupil as nobody’s', async () => {
    const before = await bilanCount();
    const bad = await call(
      'PUT',
      'tdb:bad',
      body({
        apprenant: { ine: voisinIne },
        date: '2026-02-30',
        auteur: 'inconnu@lycee-demo.test',
        positionnements: {
          ...Object.fromEntries(CIEL.slice(1).map((c) => [c, '+'])),
          C99: '+',
          C03: 'A',
        },
        notes: [{ libelle: 'x', valeur: 21, coefficient: 0 }],
      }),
    );
    expect(bad.status).toBe(422);
    const { erreurs } = (await bad.json()) as { erreurs: { champ: string; message: string }[] };
    expect(erreurs.map((e) => e.champ).sort()).toEqual(
      ['notes.0.coefficient', 'notes.0.valeur', 'positionnements.C03'].sort(),
    );
    // Shape first; once the shape is right, every problem against our data together.
    const data = await call(
      'PUT',
      'tdb:bad',
      body({
        apprenant: { ine: voisinIne },
        date: '2026-02-30',
        auteur: 'inconnu@lycee-demo.test',
        positionnements: { ...Object.fromEntries(CIEL.slice(1).map((c) => [c, '+'])), C99: '+' },
      }),
    );
    const second = (await data.json()) as { erreurs: { champ: string; message: string }[] };
    expect(second.erreurs).toEqual([
      { champ: 'apprenant', message: 'Aucun apprenant de l’établissement ne correspond.' },
      {
        champ: 'positionnements.C01',
        message:
          'Compétence C01 manquante : chaque compétence du référentiel a un niveau (NE si non évaluée).',
      },
      {
        champ: 'positionnements.C99',
        message: 'La compétence C99 n’est pas du référentiel BAC-PRO-CIEL.',
      },
      { champ: 'date', message: 'Date impossible : 2026-02-30.' },
      { champ: 'auteur', message: 'Aucun enseignant de l’établissement avec ce courriel.' },
    ]);
    const nobody = await call('PUT', 'tdb:bad', body({ apprenant: { ine: 'ZZZ000000ZZ' } }));
    expect(await nobody.json()).toEqual({
      erreurs: [
        { champ: 'apprenant', message: 'Aucun apprenant de l’établissement ne correspond.' },
      ],
    });
    const unknownRef = await call(
      'PUT',
      'tdb:bad',
      body({ referentiel: { code: 'BAC-PRO-CIEL', version: '1999' } }),
    );
    expect(((await unknownRef.json()) as { erreurs: { champ: string }[] }).erreurs[0]?.champ).toBe(
      'referentiel',
    );
    expect((await call('PUT', 'pas une source!', body())).status).toBe(422);
    expect(await bilanCount()).toBe(before);
  });

  it('401 without, with a wrong, a revoked or a PRONOTE token; 415, 413, 400', async () => {
    expect((await call('GET', 'tdb:2026:1', undefined, {}, '')).status).toBe(401);
    expect((await call('GET', 'tdb:2026:1', undefined, {}, 'cpro_al_faux')).status).toBe(401);
    expect((await call('PUT', 'tdb:x', body(), {}, pronoteToken)).status).toBe(401);
    const other = await createApiToken(db, 'alimentation', DEMO_IDS.etablissement, 'révoqué');
    await revokeApiToken(db, 'alimentation', other.id);
    expect((await call('GET', 'tdb:2026:1', undefined, {}, other.jeton)).status).toBe(401);
    expect(
      (await call('PUT', 'tdb:x', JSON.stringify(body()), { 'Content-Type': 'text/plain' })).status,
    ).toBe(415);
    expect(
      (await call('PUT', 'tdb:x', JSON.stringify(body({ constats: 'x'.repeat(300_000) })))).status,
    ).toBe(413);
    expect((await call('PUT', 'tdb:x', '{"apprenant":')).status).toBe(400);
  });

  it('refuses what no column can hold or no bilan nests, naming the field, and writes nothing', async () => {
    const before = await bilanCount();
    const nul = await call('PUT', 'tdb:nul', body({ constats: 'avant\u0000après' }));
    expect(nul.status).toBe(422);
    expect(await nul.json()).toEqual({
      erreurs: [{ champ: 'constats', message: 'Caractère nul (U+0000) interdit.' }],
    });
    const nulNote = await call(
      'PUT',
      'tdb:nul',
      body({ notes: [{ libelle: 'a\u0000', valeur: 1, coefficient: 1 }] }),
    );
    expect(((await nulNote.json()) as { erreurs: { champ: string }[] }).erreurs[0]!.champ).toBe(
      'notes.0.libelle',
    );
    const deep = await call('PUT', 'tdb:profond', `${'['.repeat(50_000)}${']'.repeat(50_000)}`);
    expect(deep.status).toBe(400);
    expect(((await deep.json()) as { message: string }).message).toContain('plus de 8 niveaux');
    const manyKeys = await call(
      'PUT',
      'tdb:cles',
      body({
        positionnements: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`K${i}`, 'x'])),
      }),
    );
    expect(manyKeys.status).toBe(422);
    expect(((await manyKeys.json()) as { erreurs: unknown[] }).erreurs.length).toBeLessThanOrEqual(
      50,
    );
    expect(await bilanCount()).toBe(before);
  });

  it('GET gives back the same shape (sent again: unchanged); DELETE withdraws a draft', async () => {
    const got = await call('GET', 'tdb:2026:1');
    expect(got.status).toBe(200);
    const stored = (await got.json()) as Record<string, unknown>;
    expect(stored).toMatchObject({
      ...body(),
      apprenant: { ine },
      notes: [
        { libelle: 'Carnet', valeur: 9.25, coefficient: 0.5 },
        { libelle: 'Dossier', valeur: 12, coefficient: 1 },
        { libelle: 'Évaluation pratique', valeur: 14.5, coefficient: 2 },
      ],
    });
    // Sent back as read (marks in another order than first sent): nothing changes.
    const resent = await call('PUT', 'tdb:2026:1', stored);
    expect(resent.status).toBe(200);
    expect(((await resent.json()) as { id: string }).id).toBe(stored.id);
    const id = stored.id as string;
    expect((await call('DELETE', 'tdb:2026:1')).status).toBe(204);
    expect(await db.select().from(bilans).where(eq(bilans.id, id))).toEqual([]);
    expect((await call('GET', 'tdb:2026:1')).status).toBe(404);
    expect((await call('DELETE', 'tdb:2026:1')).status).toBe(404);
    // The source can be used again.
    expect((await call('PUT', 'tdb:2026:1', body())).status).toBe(201);
  });

  it('never makes two bilans from concurrent writes of one source', async () => {
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        call('PUT', 'tdb:concurrent', body({ constats: `v${i % 2}` })),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    const mapped = await db
      .select()
      .from(sourcesBilans)
      .where(eq(sourcesBilans.source, 'tdb:concurrent'));
    expect(mapped).toHaveLength(1);
    const [pupil] = await db
      .select({ id: apprenants.id })
      .from(apprenants)
      .where(eq(apprenants.ine, ine));
    const drafts = await db
      .select({ id: bilans.id })
      .from(bilans)
      .where(
        and(
          eq(bilans.apprenantId, pupil!.id),
          sql`${bilans.valideLe} is null`,
          eq(bilans.date, '2026-11-30'),
        ),
      );
    expect(drafts.map((d) => d.id)).toContain(mapped[0]!.bilanId);
  });

  it('serialises PUT and DELETE of one source: never a draft without its source, never a false success', async () => {
    // Concurrent loops (PGlite's single connection serialises them anyway; on PostgreSQL,
    // as the application's role, they really race): whatever the order, every answer is a
    // success or a clean 404, and what is stored is consistent with the last answers.
    const source = 'tdb:course';
    for (let round = 0; round < 8; round++) {
      const answers = await Promise.all([
        call('PUT', source, body({ constats: `tour ${round} a` })),
        call('DELETE', source),
        call('PUT', source, body({ constats: `tour ${round} b` })),
        call('DELETE', source),
        call('PUT', source, body({ constats: `tour ${round} c`, valide: round === 7 })),
      ]);
      // 409 once the last round's validated bilan is in: it never changes again.
      for (const answer of answers) expect([200, 201, 204, 404, 409]).toContain(answer.status);
      const mapped = await db
        .select({ bilanId: sourcesBilans.bilanId })
        .from(sourcesBilans)
        .where(eq(sourcesBilans.source, source));
      expect(mapped.length).toBeLessThanOrEqual(1);
      const read = await call('GET', source);
      if (mapped.length === 0) expect(read.status).toBe(404);
      else expect(((await read.json()) as { id: string }).id).toBe(mapped[0]!.bilanId);
      // A « valide: true » answer names a bilan that exists, validated (a DELETE cannot have
      // removed it in between).
      for (const answer of answers.filter((a) => a.status === 200 || a.status === 201)) {
        const { id, valide } = (await answer.json()) as { id: string; valide: boolean };
        if (!valide) continue;
        const [row] = await db
          .select({ valideLe: bilans.valideLe })
          .from(bilans)
          .where(eq(bilans.id, id));
        expect(row?.valideLe, id).toBeInstanceOf(Date);
      }
    }
    // No draft of this pupil on that date is left without a source (unreachable by the API).
    const orphans = rowsOf<{ n: number }>(
      await db.execute(sql`
        select count(*)::int as n from bilans b
         where b.valide_le is null and b.constats like 'tour %'
           and not exists (select 1 from sources_bilans s where s.bilan_id = b.id)`),
    );
    expect(orphans[0]?.n).toBe(0);
  });

  it('traces every write with its token, source, bilan and outcome', async () => {
    const trace = await db
      .select({ source: ecrituresAlimentation.source, statut: ecrituresAlimentation.statut })
      .from(ecrituresAlimentation)
      .where(eq(ecrituresAlimentation.jetonId, tokenId));
    const statuts = new Set(trace.map((t) => t.statut));
    for (const s of ['cree', 'inchange', 'remplace', 'valide', 'conflit', 'refuse', 'retire'])
      expect(statuts).toContain(s);
    expect(trace.find((t) => t.statut === 'retire')?.source).toBe('tdb:2026:1');
  });

  it('the database refuses to delete or change a bilan outside retirer_brouillon(), drafts included', async () => {
    const [draft] = await db
      .select({ id: bilans.id })
      .from(bilans)
      .where(sql`${bilans.valideLe} is null`)
      .limit(1);
    for (const statement of [
      sql`delete from bilans where id = ${draft!.id}`,
      sql`delete from positionnements where bilan_id = ${draft!.id}`,
      sql`update bilans set constats = 'x' where id = ${draft!.id}`,
    ]) {
      const code = await db.execute(statement).then(
        () => null,
        (error: unknown) => pgErrorCode(error),
      );
      expect(code).toBe('42501');
    }
    // retirer_brouillon() names a source of an establishment, never a bilan: a validated
    // bilan's source, another establishment's, or an unknown one withdraw nothing.
    const [validated] = await db
      .select({ source: sourcesBilans.source, etablissementId: sourcesBilans.etablissementId })
      .from(sourcesBilans)
      .innerJoin(bilans, eq(bilans.id, sourcesBilans.bilanId))
      .where(sql`${bilans.valideLe} is not null`)
      .limit(1);
    const [mappedDraft] = await db
      .select({ source: sourcesBilans.source, etablissementId: sourcesBilans.etablissementId })
      .from(sourcesBilans)
      .innerJoin(bilans, eq(bilans.id, sourcesBilans.bilanId))
      .where(sql`${bilans.valideLe} is null`)
      .limit(1);
    const [other] = await db
      .select({ id: etablissements.id })
      .from(etablissements)
      .where(sql`${etablissements.id} <> ${mappedDraft!.etablissementId}`)
      .limit(1);
    for (const [etablissementId, source] of [
      [validated!.etablissementId, validated!.source],
      [other!.id, mappedDraft!.source],
      [mappedDraft!.etablissementId, 'inconnue'],
    ] as const) {
      const [done] = rowsOf<{ id: string | null }>(
        await db.execute(sql`select retirer_brouillon(${etablissementId}::uuid, ${source}) as id`),
      );
      expect(done?.id, source).toBeNull();
    }
  });
});
