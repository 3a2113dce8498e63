// The class council's paper, read with poppler as a reviewer would (issue #29): a CIEL pupil
// on one A4 page and an SN pupil on two at most, no page that says nothing, the running header
// on every page of every bilan PDF, nothing printed below 8 pt, and the « Dossier du conseil
// de classe »: the synthesis, then each pupil from an odd page with « Recto verso ».
import { PDFDocument } from 'pdf-lib';
import { expect, test } from './fixtures';
import { fontSizes } from './pdf-text';
import { inBody, pageTexts, pdfFonts, pdfWords, pointsOf } from './pdf-layout';
import { outlineStarts } from '../lib/pdf/merge';
import { stableId } from '../drizzle/seed/random';
import { ARCHIVE_YEAR, DEMO_UAI } from '../drizzle/seed/demo-data';
import { schoolYearOf, todayInParis } from '../lib/common/dates';
import { axeViolations } from './axe';
import { escapeRegExp, openLongPdf, openPdf } from './helpers';

const year = schoolYearOf(todayInParis());
const TLE_CIEL = stableId('classe', `${DEMO_UAI}|Tle CIEL|${year}`);
const TLE_SN = stableId('classe', `${DEMO_UAI}|Tle SN|${ARCHIVE_YEAR}`);

/** Each bookmark's title and how many pages it runs for. */
async function sections(bytes: Buffer) {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const total = doc.getPageCount();
  const starts = outlineStarts(doc);
  return {
    total,
    sizes: doc.getPages().map((p) => p.getSize()),
    sections: starts.map((s, i) => ({
      title: s.title,
      first: s.pageIndex + 1,
      pages: (starts[i + 1]?.pageIndex ?? total) - s.pageIndex,
    })),
  };
}

/** What a page says once its running header and footer are set aside. */
const body = (text: string) =>
  text
    .split('\n')
    .filter((line) => !/page \d+ \/ \d+|^\s*CPRO · /.test(line))
    .join('\n')
    .trim();

function expectReadable(bytes: Buffer, sizes: { size: number; text: string }[]) {
  // Body text by poppler's word boxes, every text run (stamped headers too) by its font size.
  const words = pdfWords(bytes).filter((w) => w.text.trim() !== '' && inBody(w));
  const smallest = words.reduce((a, w) => (pointsOf(w) < pointsOf(a) ? w : a));
  expect(pointsOf(smallest), smallest.text).toBeGreaterThanOrEqual(7.95);
  const small = sizes.filter((s) => s.size < 7.95);
  expect(small.map((s) => `${s.text} (${s.size.toFixed(1)} pt)`)).toEqual([]);
  // Every font embedded, and the module's own (lib/ui/fonts): the same paper on any server.
  const fonts = pdfFonts(bytes);
  expect(fonts.filter((f) => !f.embedded).map((f) => f.name)).toEqual([]);
  // (Type 3 fonts are glyphs Chromium draws as outlines — the radar's haloed ring labels.)
  expect(
    fonts.filter((f) => f.type !== 'Type 3' && !/LiberationSans/.test(f.name)).map((f) => f.name),
  ).toEqual([]);
}

test('the class document: a CIEL pupil on one page, an SN pupil on two at most, headed, nothing empty', async ({
  page,
}) => {
  test.setTimeout(180_000);
  for (const [classeId, classe, most] of [
    [TLE_CIEL, `Tle CIEL ${year}`, 1],
    [TLE_SN, `Tle SN ${ARCHIVE_YEAR}`, 2],
  ] as const) {
    const response = await page.request.get(`/classes/${classeId}/derniers-bilans/pdf`);
    expect(response.status()).toBe(200);
    const bytes = await response.body();
    const { total, sections: pupils } = await sections(bytes);
    expect(pupils.length).toBeGreaterThan(20);
    expect(pupils[0]!.first, 'the cover is one page').toBe(2);
    for (const p of pupils) expect(p.pages, p.title).toBeLessThanOrEqual(most);
    const texts = pageTexts(bytes);
    expect(texts).toHaveLength(total);
    texts.forEach((text, i) => expect(body(text), `page ${i + 1}`).not.toBe(''));
    // Every page of a pupil: their name, class and bilan date, and their own page n / m.
    for (const p of pupils) {
      const name = p.title.split(' — ')[0]!;
      for (let k = 0; k < p.pages; k++) {
        const text = texts[p.first - 1 + k]!;
        expect(text).toContain(`${name} · ${classe} · bilan du `);
        expect(text).toContain(`page ${k + 1} / ${p.pages}`);
      }
    }
    expectReadable(bytes, await fontSizes(bytes));
  }
});

test('« Générer en PDF »: every page carries the pupil, class, date and page n / m', async ({
  page,
}) => {
  await page.goto(`/bilans?classe=${TLE_SN}`);
  await page
    .getByRole('list', { name: 'Apprenants de la classe' })
    .getByRole('link', { name: 'ABADIE Arthur' })
    .click();
  const pdf = await openPdf(page, 'Générer en PDF');
  const texts = pageTexts(pdf.bytes);
  expect(texts.length).toBe(2);
  texts.forEach((text, i) => {
    expect(text).toMatch(/ABADIE Arthur · Tle SN 2015-2016 · bilan du \d{2}\/\d{2}\/\d{4}/);
    expect(text).toContain(`page ${i + 1} / 2`);
  });
  expectReadable(pdf.bytes, await fontSizes(pdf.bytes));
});

test('« Dossier du conseil de classe »: its tab shows the print’s progress, then the synthesis and each pupil from an odd page in recto verso', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.goto(`/bilans?classe=${TLE_CIEL}`);
  // Beside the other class documents, with the same « Recto verso » option.
  const pack = page.getByRole('link', { name: 'Dossier du conseil de classe' });
  await expect(pack).toHaveAttribute('href', `/classes/${TLE_CIEL}/conseil/impression`);
  await page.getByLabel(/Recto verso/).check();
  const waiting = `/classes/${TLE_CIEL}/conseil/impression?recto-verso=1`;
  await expect(pack).toHaveAttribute('href', waiting);
  // Nothing else prints this variant: the tab finds the print under way, not in the cache.
  const file = await openLongPdf(page, 'Dossier du conseil de classe', async (tab) => {
    await expect(tab).toHaveURL(new RegExp(`${escapeRegExp(waiting)}$`));
    await expect(tab.getByRole('heading', { level: 1 })).toHaveText(
      `Dossier du conseil de classe — Tle CIEL — ${year}`,
    );
    await expect(tab.getByRole('status')).toHaveText(/^\d+ élèves? imprimés? sur 30/);
    await expect(tab.locator('progress')).toHaveAttribute('max', '30');
    expect(await axeViolations(tab)).toEqual([]);
  });
  // Then the PDF, in that same tab, once the tab was told it was ready.
  expect(file.url).toMatch(/\/conseil\/pdf\?recto-verso=1$/);
  expect(file.answers.at(-1)).toBe('{"etat":"pret"}');
  expect(file.name).toMatch(/^conseil-de-classe-Tle-CIEL-.*-recto-verso\.pdf$/);
  const { sizes, sections: parts } = await sections(file.bytes);
  const [synthese, ...pupils] = parts;
  expect(synthese).toMatchObject({ title: 'Synthèse de la classe Tle CIEL', first: 1 });
  expect(sizes[0]!.width).toBeGreaterThan(sizes[0]!.height);
  expect(pupils.length).toBe(30);
  const texts = pageTexts(file.bytes);
  expect(texts[0]).toContain('Synthèse de la classe Tle CIEL');
  expect(texts[0]).toContain('Répartition');
  for (const p of pupils) {
    expect(p.first % 2, p.title).toBe(1);
    expect(sizes[p.first - 1]!.height).toBeGreaterThan(sizes[p.first - 1]!.width);
    const name = p.title.split(' — ')[0]!;
    expect(texts[p.first - 1]).toContain(`${name} · Tle CIEL ${year} · bilan du `);
  }
  expectReadable(file.bytes, await fontSizes(file.bytes));
});

test('the council pack is refused to another establishment and for a malformed id', async ({
  neighbourPage,
  page,
}) => {
  expect((await neighbourPage.request.get(`/classes/${TLE_CIEL}/conseil/pdf`)).status()).toBe(404);
  expect((await page.request.get('/classes/pas-un-id/conseil/pdf')).status()).toBe(404);
  expect((await page.request.get(`/classes/${TLE_CIEL}/conseil/pdf?recto-verso=2`)).status()).toBe(
    404,
  );
  // Its waiting page and state alike, before any print starts.
  for (const path of [
    `/classes/${TLE_CIEL}/conseil/impression`,
    `/classes/${TLE_CIEL}/conseil/impression/etat`,
  ]) {
    const response = await neighbourPage.request.get(path);
    expect(response.status(), path).toBe(404);
    expect(await response.text()).not.toContain('Tle CIEL');
  }
  for (const path of [
    '/classes/pas-un-id/conseil/impression',
    `/classes/${TLE_CIEL}/conseil/impression?recto-verso=2`,
    `/classes/${TLE_CIEL}/synthese/impression`,
    `/classes/${TLE_CIEL}/inconnu/impression/etat`,
  ]) {
    expect((await page.request.get(path)).status(), path).toBe(404);
  }
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the council pack’s waiting page refreshes itself until the PDF is ready, then gives it', async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const pdf = page.waitForRequest((r) => r.url().endsWith(`/classes/${TLE_CIEL}/conseil/pdf`), {
      timeout: 120_000,
    });
    const response = await page.goto(`/classes/${TLE_CIEL}/conseil/impression`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      `Dossier du conseil de classe — Tle CIEL — ${year}`,
    );
    await expect(page.getByRole('status')).toHaveText(/imprimés? sur 30|Préparation/);
    await pdf;
  });
});
