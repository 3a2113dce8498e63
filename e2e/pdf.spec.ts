import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { getDocumentProxy } from 'unpdf';
import { printToken } from './print-tokens';
import { DEMO_IDS } from '../drizzle/seed/demo-ids';
import { ARCHIVE_CLASS, escapeRegExp, openLongPdf, openPdf, openPupil } from './helpers';
import { axeViolations } from './axe';

const TLE_SN = 'Tle SN (2015-2016)';
import { markedText, nonStandardRoles, pdfText, structContent } from './pdf-text';

/** The PDF a button opens in a new tab (inline), and its text. */
async function download(page: Page, buttonName: string) {
  const pdf = await openPdf(page, buttonName);
  expect(pdf.disposition.startsWith('inline;')).toBe(true);
  return { ...pdf, ...(await pdfText(pdf.bytes)) };
}

test('« Générer en PDF » downloads the bilan with everything a class council needs', async ({
  page,
}) => {
  await openPupil(page, ARCHIVE_CLASS, 'HUBERT Angie');
  const pdf = await download(page, 'Générer en PDF');
  expect(pdf.name).toBe('bilan-HUBERT-Angie-2016-06-16.pdf');
  expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
  for (const expected of [
    'Lycée professionnel de démonstration',
    'HUBERT Angie',
    '1re SN',
    '2015-2016',
    '27/05/2016',
    '16/06/2016',
    'validé le',
    "Constats sur le niveau de l'élève.",
    "Conseils pour aider l'élève à progresser.",
    'Planifier l’intervention.'.replace('’', "'"),
    'Effectuer les tests, certifier le support physique.',
    'Compétence totalement acquise et transférable',
    'page 1 / ',
    'imprimé le',
  ]) {
    expect(pdf.text, expected).toContain(expected);
  }
  // The radar is vector graphics: its axis labels are text in the PDF.
  expect(pdf.text).toContain('C8-1');
});

test('« Imprimer le dernier bilan pour tous les élèves » prints the whole class', async ({
  page,
}) => {
  await page.goto('/bilans');
  await page.getByLabel('Classe', { exact: true }).selectOption({ label: ARCHIVE_CLASS });
  await expect(page).toHaveURL(/\?classe=/);
  const list = page.getByRole('list', { name: 'Apprenants de la classe' }).getByRole('link');
  await expect(list).toHaveCount(18);
  const names = (await list.allTextContents()).map((n) => n.trim());
  // Through the waiting page (a cached PDF: straight to it), to the PDF in the same tab.
  const file = await openPdf(page, 'Imprimer le dernier bilan pour tous les élèves');
  const bytes = file.bytes;
  const { text, pages } = await pdfText(bytes);
  expect(file.disposition.startsWith('inline;')).toBe(true);
  expect(file.name).toMatch(/^derniers-bilans-1re-SN-2015-2016-\d{4}-\d{2}-\d{2}\.pdf$/);
  expect(text).toContain('Derniers bilans intermédiaires — 1re SN (2015-2016)');
  expect(text).toMatch(/\d+ apprenants sur \d+ ont un bilan ; sans bilan : N'GUESSAN Aïcha\./);
  const withBilan = names.filter((n) => n !== "N'GUESSAN Aïcha");
  // Printed a few pupils at a time and joined: each pupil once, in list order.
  const positions = withBilan.map((name) => {
    const heading = `Bilan intermédiaire de compétences — ${name}`;
    expect(text.indexOf(heading), name).toBe(text.lastIndexOf(heading));
    return text.indexOf(heading);
  });
  expect(positions.every((at) => at >= 0)).toBe(true);
  expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  expect(pages).toBeGreaterThan(withBilan.length);
  // One numbering for the whole document, not one per printed part.
  for (let n = 1; n <= pages; n++) expect(text).toContain(`page ${n} / ${pages}`);
  expect(text).not.toContain(`page ${pages + 1} /`);
});

test('the class document’s tab says how many pupils are printed until its PDF is ready', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // Tle SN 2015-2016 in recto verso: printed by no other test, so the tab finds it under way.
  await page.goto('/bilans');
  await page.getByLabel('Classe', { exact: true }).selectOption({ label: TLE_SN });
  await expect(page).toHaveURL(/\?classe=/);
  await page.getByLabel(/^Recto verso/).check();
  const file = await openLongPdf(
    page,
    'Imprimer le dernier bilan pour tous les élèves',
    async (tab) => {
      await expect(tab.getByRole('heading', { level: 1 })).toHaveText(
        'Dernier bilan de chaque élève — Tle SN — 2015-2016',
      );
      const status = tab.getByRole('status');
      await expect(status).toHaveText(/^\d+ élèves? imprimés? sur \d+/);
      const total = /sur (\d+)/.exec((await status.textContent()) ?? '')![1]!;
      expect(Number(total)).toBeGreaterThan(20);
      await expect(tab.locator('progress')).toHaveAttribute('max', total);
      // The waiting page is a page of the module: named, headed, axe clean.
      await expect(tab).toHaveTitle(/Dernier bilan de chaque élève — Tle SN/);
      expect(await axeViolations(tab)).toEqual([]);
      // « Retour à la classe » leads back to where the teacher was.
      await expect(tab.getByRole('link', { name: /Retour à la classe/ })).toHaveAttribute(
        'href',
        /^\/bilans\?classe=/,
      );
    },
  );
  expect(file.answers.at(-1)).toBe('{"etat":"pret"}');
  expect(file.name).toMatch(
    /^derniers-bilans-Tle-SN-2015-2016-\d{4}-\d{2}-\d{2}-recto-verso\.pdf$/,
  );
  const { text } = await pdfText(file.bytes);
  expect(text).toContain('Derniers bilans intermédiaires — Tle SN (2015-2016)');
});

test('PDFs are refused to the signed-out, to another establishment and for malformed ids', async ({
  page,
  neighbourPage,
  anonymousRequest: request,
}) => {
  const pupil = await openPupil(page, ARCHIVE_CLASS, 'HUBERT Angie');
  const pdfPath = await page.getByRole('link', { name: 'Générer en PDF' }).getAttribute('href');
  await page.goto('/bilans');
  await page.getByLabel('Classe', { exact: true }).selectOption({ label: ARCHIVE_CLASS });
  await expect(page).toHaveURL(/\?classe=/);
  const classPdf = await page
    .getByRole('link', { name: 'Imprimer le dernier bilan pour tous les élèves' })
    .getAttribute('href');
  expect(pdfPath).toMatch(/^\/bilans\/.+\/pdf$/);
  // The class's link is its waiting page; the PDF itself is refused alike.
  expect(classPdf).toMatch(/\/derniers-bilans\/impression$/);
  const urls = [pdfPath!, classPdf!, classPdf!.replace(/impression$/, 'pdf'), `${classPdf}/etat`];

  for (const url of urls) {
    const anonymous = await request.get(url, { maxRedirects: 0 });
    expect(anonymous.status(), url).toBe(307);
    expect(anonymous.headers().location).toContain('/login');
  }

  for (const url of urls) {
    const response = await neighbourPage.request.get(url);
    expect(response.status(), url).toBe(404);
    expect(await response.text()).not.toContain('HUBERT');
  }

  for (const url of [
    `${pupil}/pas-un-id/pdf`,
    '/bilans/x/y/pdf',
    '/classes/pas-un-id/derniers-bilans/pdf',
    '/classes/00000000-0000-4000-8000-000000000000/derniers-bilans/pdf',
  ]) {
    expect((await page.request.get(url)).status(), url).toBe(404);
  }
});

test('print pages answer 404 without a valid token', async ({ page, request }) => {
  const pupil = await openPupil(page, ARCHIVE_CLASS, 'HUBERT Angie');
  const pdfPath = (await page.getByRole('link', { name: 'Générer en PDF' }).getAttribute('href'))!;
  const printPath = `/impression/bilan${pdfPath.replace(/^\/bilans/, '').replace(/\/pdf$/, '')}`;
  for (const url of [
    printPath,
    `${printPath}?jeton=faux`,
    `${printPath}?jeton=${'a'.repeat(40)}.${'b'.repeat(43)}`,
  ]) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(404);
    expect(await response.text()).not.toContain('HUBERT');
  }
  expect(pupil).toMatch(/^\/bilans\//);
});

test('a print token opens only the part of the class document it names, once', async ({
  request,
}) => {
  const printPath = `/impression/derniers-bilans/${DEMO_IDS.classe}`;
  const tokenFor = async (query: Record<string, string>) =>
    encodeURIComponent(await printToken('derniers-bilans', { ids: [DEMO_IDS.classe], query }));
  const partOne = await tokenFor({ partie: '1/3' });
  for (const partie of ['2/3', '1/4', '0/3', '3/3', '1', 'x', '']) {
    const response = await request.get(`${printPath}?jeton=${partOne}&partie=${partie}`);
    expect(response.status(), partie).toBe(404);
  }
  // A token without a part opens nothing: a print page is always a part.
  const noPart = await tokenFor({});
  expect((await request.get(`${printPath}?jeton=${noPart}`)).status()).toBe(404);
  const ok = await request.get(`${printPath}?jeton=${partOne}&partie=1/3`);
  expect(ok.status()).toBe(200);
  const html = await ok.text();
  expect(html).toContain('Bilan intermédiaire de compétences');
  expect(html).not.toContain('ont un bilan'); // the cover is part 0
  expect((await request.get(`${printPath}?jeton=${partOne}&partie=1/3`)).status()).toBe(404);
  // The cover always shows its index (named by its token), a pupils' part never does.
  const coverWithout = await tokenFor({ partie: '0/3' });
  expect((await request.get(`${printPath}?jeton=${coverWithout}&partie=0/3`)).status()).toBe(404);
  const partWith = await tokenFor({ partie: '2/3', pages: '5' });
  const partWithPages = await request.get(`${printPath}?jeton=${partWith}&partie=2/3&pages=5`);
  expect(partWithPages.status()).toBe(404);
  const cover = await tokenFor({ partie: '0/3', pages: '2,4' });
  const coverPage = await request.get(`${printPath}?jeton=${cover}&partie=0/3&pages=2,4`);
  expect(coverPage.status()).toBe(200);
  expect(await coverPage.text()).toContain('ont un bilan ; sans bilan');
});

test('pasted HTML prints as text and the print page loads nothing from outside', async ({
  page,
  browser,
}) => {
  await openPupil(page, 'Tle SN (2015-2016)', 'LEROY Théo');
  const pdf = await download(page, 'Générer en PDF');
  expect(pdf.text).toContain('<script>alert("x")</script>');
  expect(pdf.text).toContain('<img src=http://example.invalid/x>');

  // Open the print page as the PDF browser does (JavaScript off, a valid token) and watch every request.
  const pdfPath = (await page.getByRole('link', { name: 'Générer en PDF' }).getAttribute('href'))!;
  const [, , apprenantId, bilanId] = pdfPath.split('/');
  const context = await browser.newContext({ javaScriptEnabled: false });
  const printPage = await context.newPage();
  const requested: string[] = [];
  printPage.on('request', (r) => requested.push(r.url()));
  const token = await printToken('bilan', { ids: [apprenantId!, bilanId!], query: {} });
  const printUrl = `/impression/bilan/${apprenantId}/${bilanId}?jeton=${encodeURIComponent(token)}`;
  const response = await printPage.goto(printUrl);
  expect(response?.status()).toBe(200);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'none'");
  await expect(
    printPage.getByText('<img src=http://example.invalid/x>', { exact: false }),
  ).toBeVisible();
  expect(await printPage.locator('img').count()).toBe(0);
  const origin = new URL(printPage.url()).origin;
  expect(requested.filter((u) => new URL(u).origin !== origin)).toEqual([]);
  // A print token opens its page once: seen in a log or a proxy, it is worth nothing.
  expect((await printPage.goto(printUrl))?.status()).toBe(404);
  await context.close();
});

test('the class document for a class council: running headers, one bookmark per pupil, the index’s pages, recto verso', async ({
  page,
}) => {
  const classe = `/classes/${DEMO_IDS.classe}/derniers-bilans/pdf`;
  for (const rectoVerso of [false, true]) {
    const response = await page.request.get(`${classe}${rectoVerso ? '?recto-verso=1' : ''}`);
    expect(response.status()).toBe(200);
    const bytes = await response.body();
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const outline = (await pdf.getOutline()) ?? [];
    // The pupils of 1re SN 2015-2016 with a bilan (all but N'GUESSAN Aïcha): one each.
    expect(outline.length).toBe(17);
    expect(outline[0]?.title).toMatch(
      /^[A-ZÀ-Ü'’ -]+ [A-ZÀ-Üa-zà-ü' -]+ — bilan du \d{2}\/\d{2}\/\d{4}$/,
    );
    const firstPages = await Promise.all(
      outline.map(
        async (o) => 1 + (await pdf.getPageIndex((o.dest as [{ num: number; gen: number }])[0])),
      ),
    );
    expect([...firstPages].sort((a, b) => a - b)).toEqual(firstPages);
    if (rectoVerso) expect(firstPages.every((p) => p % 2 === 1)).toBe(true);

    const texts: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      texts.push(
        content.items
          .map((i) => ('str' in i ? i.str : ''))
          .join(' ')
          .replace(/\s+/g, ' '),
      );
    }
    // Tagged as a whole (the parts' structure trees joined): each pupil's first page has
    // its heading in the structure, and that heading reads the pupil's name.
    expect(await pdf.getMarkInfo()).toMatchObject({ Marked: true });
    expect(await nonStandardRoles(bytes)).toEqual([]);
    for (const [k, o] of outline.entries()) {
      const pupilPage = await pdf.getPage(firstPages[k]!);
      const headingIds = structContent(await pupilPage.getStructTree(), 'H1');
      const marked = await markedText(pupilPage);
      expect(headingIds.map((id) => marked.get(id) ?? '').join(' ')).toContain(
        o.title.split(' — ')[0]!,
      );
    }

    // The cover's index gives each pupil's first page, as the bookmarks do.
    outline.forEach((o, k) => {
      const name = o.title.split(' — ')[0]!;
      const row = new RegExp(
        `${escapeRegExp(name)} \\d{2}/\\d{2}/\\d{4}(?: · T\\d)?(?: \\(en cours de validation\\))? ${firstPages[k]}(?!\\d)`,
      );
      expect(texts[0]).toMatch(row);
    });
    // Every page of a pupil carries their running header and their own page count.
    outline.forEach((o, k) => {
      const name = o.title.split(' — ')[0]!;
      const start = firstPages[k]!;
      const end = (firstPages[k + 1] ?? pdf.numPages + 1) - 1;
      let own = 0;
      for (let p = start; p <= end; p++) {
        const text = texts[p - 1]!;
        if (text.trim() === `page ${p} / ${pdf.numPages}`) continue; // a blank page of recto verso
        own++;
        expect(text, `page ${p}`).toContain(`${name} · 1re SN 2015-2016 · bilan du`);
        expect(text, `page ${p}`).toMatch(new RegExp(`page ${own} / \\d`));
      }
    });
  }
});

test('« Recto verso » is a real checkbox beside the class button, remembered for the session', async ({
  page,
}) => {
  await page.goto(`/bilans?classe=${DEMO_IDS.classe}`);
  const button = page.getByRole('link', { name: 'Imprimer le dernier bilan pour tous les élèves' });
  const option = page.getByLabel(/^Recto verso/);
  await expect(option).not.toBeChecked();
  // A long document: its tab is our waiting page, then the PDF.
  await expect(button).toHaveAttribute(
    'href',
    `/classes/${DEMO_IDS.classe}/derniers-bilans/impression`,
  );
  await option.check();
  await expect(button).toHaveAttribute('href', /\?recto-verso=1$/);
  await page.reload();
  await expect(page.getByLabel(/^Recto verso/)).toBeChecked();
  await expect(button).toHaveAttribute('href', /\?recto-verso=1$/);
});
