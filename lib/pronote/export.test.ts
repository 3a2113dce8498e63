// The PRONOTE export API on both drivers: exactly the validated bilans of the period, of the
// token's establishment only, the same data in JSON and CSV, every bilan once across pages.
import { beforeAll, describe, expect, it } from 'vitest';
import { and, between, count, eq, isNotNull, isNull } from 'drizzle-orm';
import { useDemoDatabase } from '@/drizzle/seed/testing';
import { DEMO_UAI, VOISIN_UAI } from '@/drizzle/seed/demo-data';
import {
  apprenants,
  bilans,
  periodes,
  pronoteBilansLus,
  pronoteLectures,
  tracesAcces,
} from '@/lib/db/schema';
import { testDrivers } from '@/lib/db/testing';
import { stableId } from '@/drizzle/seed/random';
import { withApiToken } from '@/lib/pipeline';
import { exportRoute } from './handler';
import type { Database } from '@/lib/db/types';

/** The route as the server mounts it (lib/pipeline's token check and errors), on `db`. */
function handleExport(db: Database, request: Request, today: string): Promise<Response> {
  return withApiToken(
    'pronote',
    exportRoute(today),
    async () => db,
  )(request, {
    params: Promise.resolve({}),
  });
}
import { createPronoteToken, revokePronoteToken } from './tokens';
import { encodeCursor, type BilanExporte } from './export';

const TODAY = '2026-11-28';
const demo = stableId('etablissement', DEMO_UAI);

interface JsonPage {
  etablissement: { uai: string };
  periode: { id: string; libelle: string; debut: string; fin: string };
  bilans: BilanExporte[];
  suivant: string | null;
}

/** A minimal RFC 4180 reader for « ; » files (quoted fields may hold « ; », quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe.each(testDrivers())('PRONOTE export ($name)', (driver) => {
  const connection = useDemoDatabase(driver, { today: TODAY });
  let token: string;
  let voisinToken: string;

  const call = (
    query: string,
    headers: Record<string, string> = {},
    bearer: string | null = token,
  ) =>
    handleExport(
      connection().db,
      new Request(`http://localhost/api/pronote/v1/bilans${query}`, {
        headers: { ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}), ...headers },
      }),
      TODAY,
    );

  async function all(query: string, bearer = token): Promise<BilanExporte[]> {
    const seen: BilanExporte[] = [];
    let next: string | null = '';
    for (let guard = 0; next !== null && guard < 100; guard++) {
      const response = await call(`${query}${next ? `&curseur=${next}` : ''}`, {}, bearer);
      expect(response.status).toBe(200);
      const page = (await response.json()) as JsonPage;
      seen.push(...page.bilans);
      next = page.suivant;
    }
    return seen;
  }

  /** A demo period: its id is stable (drizzle/seed/demo-data.ts). */
  async function periode(annee: string, libelle: string) {
    const [row] = await connection()
      .db.select()
      .from(periodes)
      .where(eq(periodes.id, stableId('periode', demo, annee, libelle)));
    return row!;
  }

  /** The demo establishment's bilans dated in a period, read straight from the tables. */
  function demoBilansIn(p: { debut: string; fin: string }, validatedOnly: boolean) {
    return connection()
      .db.select({ id: bilans.id })
      .from(bilans)
      .innerJoin(apprenants, eq(apprenants.id, bilans.apprenantId))
      .where(
        and(
          eq(apprenants.etablissementId, demo),
          between(bilans.date, p.debut, p.fin),
          validatedOnly ? isNotNull(bilans.valideLe) : undefined,
        ),
      );
  }

  beforeAll(async () => {
    token = (await createPronoteToken(connection().db, DEMO_UAI, 'test'))!.jeton;
    voisinToken = (await createPronoteToken(connection().db, VOISIN_UAI, 'test'))!.jeton;
  });

  it('refuses a missing, wrong or revoked token with 401', async () => {
    expect((await call('', {}, null)).status).toBe(401);
    expect((await call('', {}, 'cpro_pn_faux')).status).toBe(401);
    const revoked = (await createPronoteToken(connection().db, DEMO_UAI, 'à révoquer'))!;
    expect((await call('', {}, revoked.jeton)).status).toBe(200);
    expect(await revokePronoteToken(connection().db, revoked.id)).toBe(true);
    const response = await call('', {}, revoked.jeton);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { erreur: string }).erreur).toBe('jeton_invalide');
  });

  it('answers 400 with a JSON error for bad parameters', async () => {
    for (const query of [
      '?periode=hier',
      '?periode=../x',
      '?format=xml',
      '?limite=0',
      '?limite=10000',
      '?curseur=%00',
      // Well-formed cursors naming days that do not exist (PostgreSQL would fail on them).
      ...['2026-02-30', '2026-13-01', '2026-00-10', '9999-99-99', '0000-01-01', '0001-01-01'].map(
        (day) => `?curseur=${encodeCursor(day, '00000000-0000-4000-8000-000000000000')}`,
      ),
    ]) {
      const response = await call(query);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { erreur: string }).erreur).toBe('parametre_invalide');
    }
    expect((await call('?periode=00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it('returns exactly the validated bilans of the current period, each once across pages', async () => {
    const current = await periode('2026-2027', 'Trimestre 1');
    const expected = await demoBilansIn(current, true);
    const inPeriod = await demoBilansIn(current, false);
    expect(inPeriod.length).toBeGreaterThan(expected.length); // some are not validated: they must not appear

    const first = (await (await call('?periode=courante&limite=500')).json()) as JsonPage;
    expect(first.periode.libelle).toBe('Trimestre 1');
    const paged = await all('?periode=courante&limite=7');
    const ids = paged.map((b) => b.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(expected.map((e) => e.id).sort());
    expect(first.bilans.map((b) => b.id)).toEqual(ids);
    const sample = paged[0]!;
    // This year's classes are bac pro CIEL: nine competences, and the export says so.
    expect(sample.referentiel).toEqual({ code: 'BAC-PRO-CIEL', version: '2023' });
    expect(sample.competences).toHaveLength(9);
    expect(sample.competences[5]).toMatchObject({ code: 'C08', equivalence: null });
    expect(sample.notes.length).toBeGreaterThanOrEqual(2);
    expect(typeof sample.notes[0]!.valeur).toBe('number');
  });

  it("never shows another establishment's bilans", async () => {
    const demoIds = new Set((await all('?limite=500')).map((b) => b.id));
    const voisin = await all('?limite=500', voisinToken);
    expect(voisin.length).toBeGreaterThan(0);
    expect(voisin.some((b) => demoIds.has(b.id))).toBe(false);
    const archive = await periode('2015-2016', 'Trimestre 3');
    expect((await call(`?periode=${archive.id}`, {}, voisinToken)).status).toBe(404);
  });

  it('reads the periods not closed only: a closed or future one is refused, nothing read or traced', async () => {
    const current = await periode('2026-2027', 'Trimestre 1');
    const byId = (await (await call(`?periode=${current.id}`)).json()) as JsonPage;
    expect(byId.periode.id).toBe(current.id);
    // The first term once it has ended, while its councils are held: still read until its
    // closing day (three weeks after its last day), never after.
    const at = (today: string) =>
      handleExport(
        connection().db,
        new Request(`http://localhost/api/pronote/v1/bilans?periode=${current.id}`, {
          headers: { Authorization: `Bearer ${token}` },
        }),
        today,
      );
    const during = await at('2026-12-21');
    expect(during.status).toBe(200);
    expect(((await during.json()) as JsonPage).periode).toMatchObject({ cloture: '2026-12-21' });
    const [lecturesBefore] = await connection().db.select({ n: count() }).from(pronoteLectures);
    const [tracesBefore] = await connection().db.select({ n: count() }).from(tracesAcces);
    for (const [annee, libelle] of [
      ['2015-2016', 'Trimestre 3'],
      ['2025-2026', 'Trimestre 3'],
      ['2026-2027', 'Trimestre 2'],
    ] as const) {
      const closed = await periode(annee, libelle);
      for (const format of ['json', 'csv']) {
        const response = await call(`?periode=${closed.id}&format=${format}`);
        expect(response.status, `${libelle} ${annee}`).toBe(403);
        const body = (await response.json()) as { erreur: string; message: string };
        expect(body.erreur).toBe('periode_non_courante');
        expect(body.message).toContain(`${libelle} ${annee}`);
      }
    }
    const after = await at('2026-12-22');
    expect(after.status).toBe(403);
    expect(((await after.json()) as { message: string }).message).toContain(
      'est close depuis le 21/12/2026',
    );
    const [lecturesAfter] = await connection().db.select({ n: count() }).from(pronoteLectures);
    const [tracesAfter] = await connection().db.select({ n: count() }).from(tracesAcces);
    expect(lecturesAfter!.n).toBe(lecturesBefore!.n);
    expect(tracesAfter!.n).toBe(tracesBefore!.n);
  });

  it('carries the same data in CSV and JSON', async () => {
    const json = (await (await call('?limite=500')).json()) as JsonPage;
    const response = await call('?limite=500&format=csv');
    expect(response.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM
    const [header, ...rows] = parseCsv(new TextDecoder().decode(bytes));
    expect(header).toContain('competence_code');
    const col = (name: string) => header!.indexOf(name);
    const fromCsv = rows.map((r) =>
      [
        r[col('bilan_id')],
        r[col('competence_code')],
        r[col('niveau')],
        r[col('valeur')],
        r[col('conseils')],
        r[col('ine')],
      ].join('|'),
    );
    const fromJson = json.bilans.flatMap((b) =>
      b.competences.map((k) =>
        [b.id, k.code, k.niveau, String(k.valeur), b.conseils, b.apprenant.ine ?? ''].join('|'),
      ),
    );
    expect(fromCsv).toEqual(fromJson);
  });

  it('answers 304 to a matching If-None-Match, and traces every call without touching bilans', async () => {
    const [before] = await connection().db.select({ n: count() }).from(pronoteLectures);
    const [tracesBefore] = await connection().db.select({ n: count() }).from(tracesAcces);
    const first = await call('?limite=500');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    expect((await call('?limite=500', { 'If-None-Match': etag! })).status).toBe(304);
    const [after] = await connection().db.select({ n: count() }).from(pronoteLectures);
    expect(after!.n - before!.n).toBe(2);
    const [read] = await connection().db.select({ n: count() }).from(pronoteBilansLus);
    expect(read!.n).toBeGreaterThan(0);
    // The RGPD trace: one record per bilan handed over, by this token, on each call.
    const exported = ((await first.json()) as JsonPage).bilans.map((b) => b.id);
    expect(exported.length).toBeGreaterThan(0);
    const [tracesAfter] = await connection().db.select({ n: count() }).from(tracesAcces);
    expect(tracesAfter!.n - tracesBefore!.n).toBe(2 * exported.length);
    const traces = await connection()
      .db.select()
      .from(tracesAcces)
      .where(eq(tracesAcces.action, 'export_pronote'));
    expect(traces.every((t) => t.jetonId && !t.utilisateurId)).toBe(true);
    expect(
      traces
        .filter((t) => exported.includes(t.bilanId ?? ''))
        .every((t) => t.etablissementId === demo),
    ).toBe(true);
  });
});

describe.each(testDrivers())('PRONOTE status on the bilan page ($name)', (driver) => {
  const connection = useDemoDatabase(driver, { today: TODAY });

  it('shows when PRONOTE last read a validated bilan', async () => {
    const { getBilanPage } = await import('@/lib/bilans/bilan-page-query');
    const token = (await createPronoteToken(connection().db, DEMO_UAI, 'test'))!.jeton;
    const response = await handleExport(
      connection().db,
      new Request('http://localhost/api/pronote/v1/bilans?limite=1', {
        headers: { Authorization: `Bearer ${token}` },
      }),
      TODAY,
    );
    const [read] = ((await response.json()) as JsonPage).bilans;
    const [row] = await connection().db.select().from(bilans).where(eq(bilans.id, read!.id));
    const view = await getBilanPage(connection().db, demo, row!.apprenantId, row!.id);
    expect(view?.affiche?.luParPronoteLe).not.toBeNull();
    const [unvalidated] = await connection()
      .db.select()
      .from(bilans)
      .innerJoin(apprenants, eq(apprenants.id, bilans.apprenantId))
      .where(and(eq(apprenants.etablissementId, demo), isNull(bilans.valideLe)))
      .limit(1);
    const other = await getBilanPage(
      connection().db,
      demo,
      unvalidated!.apprenants.id,
      unvalidated!.bilans.id,
    );
    expect(other?.affiche?.valideLe).toBeNull();
    expect(other?.affiche?.luParPronoteLe).toBeNull();
  });
});
