// The administration as a school's CPRO administrator uses it, without JavaScript: sign in,
// import SIECLE (preview, choose a referential, apply), import the teachers, set the periods,
// create and revoke a PRONOTE token, read the journal — then a teacher of that school finds
// the class and its pupils. Roles never cross: teachers and staff get 403 on these pages, an
// administrator gets 403 on bilans. Forms refuse cross-site posts and stale tokens.
import { axeViolations } from './axe';
import type { Page } from '@playwright/test';
import { anonymousTest, expect, test } from './fixtures';
import { IMPORT_ETABLISSEMENT, PASSWORD } from './accounts';
import { actionFormFields, signIn } from './helpers';
import { siecleFile, type EleveDeTest } from '../lib/administration/siecle/testing';
import { stsFile } from '../lib/administration/sts/testing';
import { DEMO_IDS } from '../drizzle/seed/demo-ids';

const CIEL_MEF = '24725517310';
const ELEVES: EleveDeTest[] = [
  {
    eleveId: '8001',
    ine: '800000001AA',
    nom: 'CŒURDEROY',
    prenom: 'Léonie',
    mef: CIEL_MEF,
    division: '2CIEL-E2E',
  },
  {
    eleveId: '8002',
    ine: '800000002BB',
    nom: 'MARTIN',
    nomUsage: 'SŒUR',
    prenom: 'Maël',
    mef: CIEL_MEF,
    division: '2CIEL-E2E',
  },
  {
    eleveId: '8003',
    ine: null,
    nom: 'DUBŒUF',
    prenom: 'Noémie',
    mef: '12345678901',
    division: 'MIXTE-E2E',
  },
  {
    eleveId: '8004',
    ine: '800000004DD',
    nom: 'PARTI',
    prenom: 'Ilan',
    mef: CIEL_MEF,
    division: '2CIEL-E2E',
    dateSortie: '01/10/2026',
  },
];

async function expectNoAxeViolation(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

anonymousTest.describe('an administrator sets their school up, without JavaScript', () => {
  anonymousTest.use({ javaScriptEnabled: false });

  anonymousTest(
    'imports SIECLE and the teachers; a teacher then finds the class',
    async ({ page, browser, baseURL }) => {
      await signIn(page, IMPORT_ETABLISSEMENT.administrateur);
      // The landing page after sign-in sends an administrator to their pages.
      await expect(page).toHaveURL(/\/administration$/);
      await expect(
        page.getByRole('heading', { level: 1, name: 'Administration du module' }),
      ).toBeVisible();

      await page.getByRole('link', { name: 'Import SIECLE' }).first().click();
      await page.getByLabel('Fichier SIECLE (.xml ou .zip)').setInputFiles({
        name: 'ElevesSansAdresses.xml',
        mimeType: 'text/xml',
        buffer: Buffer.from(siecleFile(IMPORT_ETABLISSEMENT.uai, 2026, ELEVES)),
      });
      await page.getByRole('button', { name: 'Voir l’aperçu' }).click();
      await expect(
        page.getByRole('heading', { level: 1, name: 'Aperçu de l’import SIECLE' }),
      ).toBeVisible();
      await expect(page.getByText('3 nouveaux apprenants')).toBeVisible();
      await expect(page.getByText('1 élève sorti jamais importé : ignoré')).toBeVisible();
      await expect(page.getByText(/1 élève sans INE/)).toBeVisible();
      const divisions = page.getByRole('table', { name: /Divisions du fichier/ });
      await expect(divisions.getByRole('row', { name: /2CIEL-E2E/ })).toContainText('MEF connu');
      await page
        .getByLabel('Référentiel de la division MIXTE-E2E')
        .selectOption({ label: 'Baccalauréat professionnel Systèmes Numériques' });
      await page.getByRole('button', { name: 'Appliquer l’import' }).click();
      await expect(page.getByRole('status')).toHaveText(/Import SIECLE appliqué/);
      const classes = page.getByRole('table', { name: /Classes de la dernière année/ });
      await expect(classes.getByRole('row', { name: /2CIEL-E2E/ })).toContainText('2');
      await expect(classes.getByRole('row', { name: /MIXTE-E2E/ })).toContainText('1');

      // The teachers: one known account renamed, one created.
      await page.getByRole('link', { name: 'Enseignants', exact: true }).click();
      const csv = `nom;prenom;courriel;identifiant_ent\r\nPROFESSEUR;Élodie;${IMPORT_ETABLISSEMENT.enseignant};\r\nNOUVEAU;Régis;e2e-nouveau@lycee-import.test;regis.nouveau\r\n`;
      await page.getByLabel('Fichier CSV des enseignants').setInputFiles({
        name: 'enseignants.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(csv, 'latin1'),
      });
      await page.getByRole('button', { name: 'Voir l’aperçu' }).click();
      await expect(page.getByText('1 compte créé')).toBeVisible();
      await expect(page.getByText('1 compte renommé')).toBeVisible();
      await page.getByRole('button', { name: 'Appliquer l’import' }).click();
      await expect(page.getByRole('status')).toHaveText('Import des enseignants appliqué.');
      const comptes = page.getByRole('table', { name: /Comptes de l’établissement/ });
      await expect(comptes.getByRole('row', { name: /NOUVEAU Régis/ })).toContainText(
        'regis.nouveau',
      );
      await expect(comptes.getByRole('row', { name: /PROFESSEUR Élodie/ })).toContainText(
        'mot de passe',
      );

      // The teams from STS-Web: the renamed teacher teaches in 2CIEL-E2E; a name without an
      // account and a division without a class are listed, nothing created.
      await page.getByRole('link', { name: 'Import STS-Web' }).first().click();
      await page.getByLabel('Fichier STS-Web (.xml ou .zip)').setInputFiles({
        name: `sts_emp_${IMPORT_ETABLISSEMENT.uai}_2026.xml`,
        mimeType: 'text/xml',
        buffer: Buffer.from(
          stsFile(
            IMPORT_ETABLISSEMENT.uai,
            2026,
            [
              { id: '7001', nom: 'Professeur', prenom: 'ELODIE' },
              { id: '7002', nom: 'SANSCOMPTE', prenom: 'Yves' },
            ],
            [
              { code: '2CIEL-E2E', enseignants: ['7001', '7002'] },
              { code: 'INCONNUE-E2E', enseignants: ['7001'] },
            ],
          ),
        ),
      });
      await page.getByRole('button', { name: 'Voir l’aperçu' }).click();
      await expect(
        page.getByRole('heading', { level: 1, name: 'Aperçu de l’import STS-Web' }),
      ).toBeVisible();
      await expect(page.getByText(/Sans compte dans le module .* SANSCOMPTE Yves/)).toBeVisible();
      await expect(page.getByText(/Divisions sans classe .* INCONNUE-E2E/)).toBeVisible();
      const teams = page.getByRole('table', { name: /Enseignants de chaque division/ });
      await expect(teams.getByRole('row', { name: /2CIEL-E2E/ })).toContainText(
        '+ PROFESSEUR Élodie',
      );
      await page.getByRole('button', { name: 'Appliquer l’import' }).click();
      await expect(page).toHaveURL(/\/administration\/classes\?fait=sts$/);
      await expect(page.getByRole('status')).toHaveText(/Import STS-Web appliqué/);
      await expect(page.getByRole('list', { name: 'Équipe de 2CIEL-E2E' })).toHaveText(
        /PROFESSEUR Élodie \(STS-Web\)/,
      );
      // By hand: NOUVEAU Régis joins MIXTE-E2E, then leaves it.
      await page.getByLabel('Enseignant à ajouter à MIXTE-E2E').selectOption({
        label: 'NOUVEAU Régis',
      });
      await page.getByRole('button', { name: 'Ajouter à l’équipe de MIXTE-E2E' }).click();
      await expect(page.getByRole('status')).toHaveText('Enseignant ajouté à l’équipe.');
      await expect(page.getByRole('list', { name: 'Équipe de MIXTE-E2E' })).toHaveText(
        /NOUVEAU Régis \(ajouté ici\)/,
      );
      await page
        .getByRole('button', { name: 'Retirer Régis NOUVEAU de l’équipe de MIXTE-E2E' })
        .click();
      await expect(page.getByRole('status')).toHaveText('Enseignant retiré de l’équipe.');
      await expect(page.getByRole('list', { name: 'Équipe de MIXTE-E2E' })).toHaveCount(0);

      // The journal, newest first.
      await page.getByRole('link', { name: 'Journal' }).click();
      const rows = page.getByRole('table').getByRole('row');
      await expect(rows.nth(1)).toContainText('retiré');
      await expect(rows.nth(3)).toContainText('Import STS-Web appliqué');
      await expect(rows.nth(4)).toContainText('Import des enseignants appliqué');
      await expect(rows.nth(5)).toContainText('Import SIECLE appliqué');

      // The teacher of that school finds the class and its pupils, « Œ » intact.
      const teacher = await browser.newPage({ baseURL });
      await signIn(teacher, IMPORT_ETABLISSEMENT.enseignant, PASSWORD);
      await expect(teacher).toHaveURL(/\/bilans/);
      await teacher
        .getByLabel('Classe', { exact: true })
        .selectOption({ label: '2CIEL-E2E (2026-2027)' });
      // Without JavaScript (this describe), the form's own button.
      await teacher.getByRole('button', { name: 'Afficher' }).click();
      await expect(teacher).toHaveURL(/\/bilans\?classe=/);
      await expect(teacher.getByRole('list', { name: 'Apprenants de la classe' })).toHaveText(
        /CŒURDEROY Léonie[\s\S]*SŒUR Maël/,
      );
      await expect(
        teacher.getByRole('list', { name: 'Apprenants de la classe' }),
      ).not.toContainText('PARTI');
      await teacher.close();
    },
  );
});

test.describe('roles never cross', () => {
  test('a teacher and a staff account get 403 on every administration page', async ({
    adminPage,
    page,
    staffPage,
    request,
  }) => {
    for (const p of [page, staffPage]) {
      for (const path of ['/administration', '/administration/siecle', '/administration/journal']) {
        const response = await p.goto(path);
        expect(response?.status(), path).toBe(403);
        await expect(
          p.getByRole('heading', { name: 'Accès réservé aux administrateurs' }),
        ).toBeVisible();
      }
    }
    // A teacher posting the administration's own form (its Server Action, as the page renders
    // it for an administrator) is refused by the action itself, and nothing is written.
    const html = await (await adminPage.request.get('/administration/periodes')).text();
    const post = await request.post('/administration/periodes', {
      multipart: {
        ...actionFormFields(html, 'Ajouter une période'),
        libelle: 'Intrus',
        debut: '2026-12-01',
        fin: '2026-12-02',
      },
      maxRedirects: 0,
    });
    // The action's forbidden(): Next.js answers a post made without JavaScript with its
    // not-found page (an MPA action's access refusal renders that tree), with JavaScript a
    // 403; either way nothing is written.
    expect([403, 404]).toContain(post.status());
    await adminPage.goto('/administration/periodes');
    await expect(adminPage.getByText('Intrus')).toHaveCount(0);
  });

  test('an administrator gets 403 on bilans, PDFs and class pages, and reads no pupil', async ({
    adminPage,
  }) => {
    for (const path of [
      `/bilans/${DEMO_IDS.angie}`,
      `/classes/${DEMO_IDS.classe}/synthese`,
      '/bilans?classe=' + DEMO_IDS.classe,
    ]) {
      const response = await adminPage.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(adminPage.getByText('HUBERT')).toHaveCount(0);
    }
    await expect(
      adminPage.getByRole('link', { name: 'Aller à l’administration du module' }),
    ).toBeVisible();
    // The landing page after sign-in sends them to their own pages.
    await adminPage.goto('/bilans');
    await expect(adminPage).toHaveURL(/\/administration$/);
  });
});

test.describe('the demo administrator (read only)', () => {
  // One test per page (each with its own time budget): on a loaded machine, fourteen axe
  // runs in one test outgrew a test's minute.
  for (const path of [
    '/administration',
    '/administration/siecle',
    '/administration/enseignants',
    '/administration/classes',
    '/administration/sts',
    '/administration/periodes',
    '/administration/pronote',
    '/administration/alimentation',
    '/administration/journal',
  ]) {
    test(`${path} passes axe, on a desktop and on a phone`, async ({ adminPage }) => {
      for (const viewport of [
        { width: 1366, height: 768 },
        { width: 390, height: 844 },
      ]) {
        await adminPage.setViewportSize(viewport);
        await adminPage.goto(path);
        await expect(adminPage.getByRole('heading', { level: 1 })).toBeVisible();
        await expectNoAxeViolation(adminPage);
      }
    });
  }

  test('lists the demo’s teachers with their ways in, and the current period', async ({
    adminPage,
  }) => {
    await adminPage.goto('/administration/enseignants');
    const comptes = adminPage.getByRole('table', { name: /Comptes de l’établissement/ });
    await expect(comptes.getByRole('row', { name: /LEFÈVRE Sophie/ })).toContainText(
      'mot de passe',
    );
    await expect(comptes.getByRole('row', { name: /LEFÈVRE Sophie/ })).toContainText(
      'ENT (CAS) : sophie.lefevre',
    );
    await expect(comptes.getByRole('row', { name: /DURAND Marc/ })).toContainText('Désactivé');
    await adminPage.goto('/administration/periodes');
    await expect(adminPage.getByText(/Période en cours : Trimestre \d/)).toBeVisible();
  });

  test('a malformed or unknown import id is a 404 page', async ({ adminPage }) => {
    for (const id of ['abc', '00000000-0000-4000-8000-000000000000', '%E0%A4%A']) {
      const response = await adminPage.goto(`/administration/siecle/${id}`);
      expect(response?.status(), id).toBe(404);
    }
  });
});

anonymousTest.describe('a teacher whose e-mail changed, without JavaScript', () => {
  anonymousTest.use({ javaScriptEnabled: false });

  anonymousTest(
    'is a probable duplicate: nothing applied until the administrator links or creates',
    async ({ page, browser }) => {
      await signIn(page, IMPORT_ETABLISSEMENT.administrateur);
      const upload = async (lines: string[]) => {
        await page.goto('/administration/enseignants');
        await page.getByLabel('Fichier CSV des enseignants').setInputFiles({
          name: 'enseignants.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(['nom;prenom;courriel', ...lines, ''].join('\r\n'), 'latin1'),
        });
        await page.getByRole('button', { name: 'Voir l’aperçu' }).click();
      };
      const apply = () => page.getByRole('button', { name: 'Appliquer l’import' }).click();
      const ancien = 'e2e-doublon-ancien@lycee-import.test';
      const nouveau = 'e2e-doublon-nouveau@lycee-import.test';
      await upload([`DOUBLON;Agathe;${ancien}`]);
      await apply();
      await expect(page.getByRole('status')).toHaveText('Import des enseignants appliqué.');

      // The same teacher under a new address, her name typed otherwise.
      await upload([`Doublon;agathe;${nouveau}`]);
      const preview = page.url();
      await expect(page.getByText('0 compte créé')).toBeVisible();
      await expect(page.getByText('1 doublon probable à décider')).toBeVisible();
      const choice = page.getByRole('group', { name: `Ligne 2 : Doublon agathe <${nouveau}>` });
      const link = choice.getByRole('radio', {
        name: new RegExp(`Lier au compte existant DOUBLON Agathe <${ancien}>`),
      });
      const create = choice.getByRole('radio', { name: /Créer un nouveau compte/ });
      await expect(link).not.toBeChecked();
      await expect(create).not.toBeChecked();
      await apply();
      await expect(page.getByRole('alert')).toHaveText(
        '1 doublon probable attend votre choix (lier au compte existant ou créer un compte) : rien n’a été modifié.',
      );
      await expect(choice).toHaveAccessibleDescription(
        'Choisissez : lier au compte existant ou créer un nouveau compte.',
      );
      await expect(link).toBeFocused();
      // The same refusal with JavaScript (the action answered in place), axe clean on a
      // desktop and a phone — axe needs scripts, this page has none.
      const withScripts = await browser.newContext({ javaScriptEnabled: true });
      try {
        const other = await withScripts.newPage();
        await signIn(other, IMPORT_ETABLISSEMENT.administrateur);
        await expect(other).toHaveURL(/\/administration$/);
        await other.goto(preview);
        await other.getByRole('button', { name: 'Appliquer l’import' }).click();
        await expect(other.getByText(/^1 doublon probable attend votre choix/)).toHaveRole('alert');
        for (const width of [1280, 390]) {
          await other.setViewportSize({ width, height: 844 });
          expect(await axeViolations(other), `${width} px`).toEqual([]);
        }
      } finally {
        await withScripts.close();
      }
      await page.goto('/administration/enseignants');
      const comptes = page.getByRole('table', { name: /Comptes de l’établissement/ });
      await expect(comptes.getByRole('row', { name: new RegExp(nouveau) })).toHaveCount(0);

      // Linked: one account, its sign-in e-mail kept, under the file's spelling; the next
      // import knows her by the new address.
      await page.goto(preview);
      await link.check();
      await apply();
      await expect(page.getByRole('status')).toHaveText('Import des enseignants appliqué.');
      await expect(comptes.getByRole('row', { name: /Doublon agathe/i })).toHaveCount(1);
      await expect(comptes.getByRole('row', { name: /Doublon agathe/i })).toContainText(ancien);
      await expect(page.getByText(nouveau)).toHaveCount(0);
      await upload([`Doublon;agathe;${nouveau}`]);
      await expect(page.getByText('1 compte inchangé')).toBeVisible();
      await expect(page.getByText(/doublon probable/)).toHaveCount(0);
    },
  );
});

anonymousTest(
  'forms refuse other sites’ posts and oversized uploads; periods and PRONOTE tokens',
  async ({ page }) => {
    await signIn(page, IMPORT_ETABLISSEMENT.administrateur);
    await expect(page).toHaveURL(/\/administration$/);
    await page.goto('/administration/periodes');
    // Another site's post (the browser's Sec-Fetch-Site, or its Origin): refused before it is
    // read, with a French page, and nothing written.
    for (const headers of [
      { 'Sec-Fetch-Site': 'cross-site', Origin: 'https://attaquant.example' } as Record<
        string,
        string
      >,
      { Origin: 'https://attaquant.example' },
    ]) {
      const crossSite = await page.request.post('/administration/periodes', {
        form: { libelle: 'T1 essai', debut: '2026-09-01', fin: '2026-11-30' },
        headers,
        maxRedirects: 0,
      });
      expect(crossSite.status()).toBe(403);
      expect(await crossSite.text()).toContain('Ce formulaire ne vient pas d’une page du module');
    }
    await page.goto('/administration/periodes');
    await expect(page.getByText('T1 essai')).toHaveCount(0);

    // The real form: a period, then an overlapping one refused, the reason beside its field,
    // what was typed still in the form.
    const ajout = page.getByRole('form', { name: 'Ajouter une période' });
    await ajout.getByLabel('Libellé').fill('T1 essai');
    await ajout.getByLabel('Premier jour').fill('2026-09-01');
    await ajout.getByLabel('Dernier jour').fill('2026-11-30');
    await ajout.getByRole('button', { name: 'Ajouter' }).click();
    await expect(page.getByRole('status')).toHaveText('Période ajoutée.');
    await ajout.getByLabel('Libellé').fill('Chevauche');
    await ajout.getByLabel('Premier jour').fill('2026-11-01');
    await ajout.getByLabel('Dernier jour').fill('2027-01-31');
    await ajout.getByRole('button', { name: 'Ajouter' }).click();
    const overlap = 'Cette période chevauche « T1 essai » (du 01/09/2026 au 30/11/2026).';
    await expect(ajout.getByRole('alert')).toHaveText(overlap);
    await expect(ajout.getByLabel('Premier jour')).toHaveAccessibleDescription(overlap);
    await expect(ajout.getByLabel('Libellé')).toHaveValue('Chevauche');
    await expect(page.getByRole('heading', { level: 1, name: 'Périodes' })).toBeVisible();

    // An upload over the limit is refused before being read, the limit named.
    const big = await page.request.post('/administration/siecle', {
      multipart: {
        fichier: {
          name: 'x.xml',
          mimeType: 'text/xml',
          buffer: Buffer.alloc(21 * 1024 * 1024, 0x20),
        },
      },
      maxRedirects: 0,
    });
    expect(big.status()).toBe(413);
    expect(await big.text()).toContain('dépasse 20 Mo');
    // A file of another establishment is refused with its reason, beside the file field.
    await page.goto('/administration/siecle');
    await page.getByLabel('Fichier SIECLE (.xml ou .zip)').setInputFiles({
      name: 'ElevesSansAdresses.xml',
      mimeType: 'text/xml',
      buffer: Buffer.from(siecleFile('0999001W', 2026, ELEVES)),
    });
    await page.getByRole('button', { name: 'Voir l’aperçu' }).click();
    await expect(page.getByLabel('Fichier SIECLE (.xml ou .zip)')).toHaveAccessibleDescription(
      /Ce fichier est celui de l’établissement 0999001W, pas du vôtre \(0999099Z\)/,
    );

    // A PRONOTE token, shown once on the page itself, then revoked.
    await page.goto('/administration/pronote');
    await page.getByLabel('Libellé (pour le reconnaître)').fill('Connecteur e2e');
    await page.getByRole('button', { name: 'Créer le jeton' }).click();
    await expect(page.getByRole('heading', { name: 'Jeton PRONOTE créé' })).toBeVisible();
    const shown = await page.locator('code').first().innerText();
    expect(shown).toMatch(/^cpro_pn_/);
    await page.goto('/administration/pronote');
    const row = page.getByRole('row', { name: /Connecteur e2e/ });
    await expect(row).toContainText('jamais');
    await expect(page.getByText(shown)).toHaveCount(0);
    await row.getByRole('button', { name: /Révoquer/ }).click();
    await expect(page.getByRole('status')).toHaveText(/Jeton révoqué/);
    const refused = await page.request.get('/api/pronote/v1/bilans', {
      headers: { Authorization: `Bearer ${shown}` },
    });
    expect(refused.status()).toBe(401);
  },
);
