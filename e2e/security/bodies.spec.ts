// Request bodies on the production server: every documented limit holds whatever the
// transfer encoding, a body over it is a 413 naming the limit, a body is never read short
// (Next.js's proxy kept the first 10 MB of a body and passed it on as whole: an 11.9 MB batch
// answered 200 for 273 of its 310 lines, a 19.4 MB SIECLE export was « illisible »), and no
// file of the maximum size stalls the server (docs/securite.md, « Corps des requêtes »).
import http from 'node:http';
import { expect, test } from '../fixtures';
import { createToken } from '../helpers';

const MIB = 1024 * 1024;

/** A batch line the API reads whole and refuses (nobody's pupil): nothing is written. */
function line(index: number, padding: number): string {
  return JSON.stringify({
    source: `e2e:corps:${index}`,
    apprenant: { ine: 'PERSONNE-000' },
    referentiel: { code: 'BAC-PRO-CIEL', version: '2023' },
    date: '2026-11-30',
    constats: 'c'.repeat(padding),
    conseils: '',
    positionnements: {},
    notes: [],
    valide: false,
  });
}

/** POSTs `chunks` without a declared length (chunked), as a streaming client does. */
function postChunked(
  url: URL,
  headers: Record<string, string>,
  chunks: Buffer[],
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', headers }, (response) => {
      let body = '';
      response.on('data', (c: Buffer) => (body += c.toString()));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    // The server may answer and close before the whole body is sent: the answer counts.
    request.on('error', (error) => (request.writableEnded ? undefined : reject(error)));
    let i = 0;
    const write = () => {
      while (i < chunks.length) {
        if (!request.write(chunks[i++]!)) return void request.once('drain', write);
      }
      request.end();
    };
    write();
  });
}

test('a batch over 10 MB is read whole: one result per line', async ({ adminPage, request }) => {
  test.setTimeout(120_000);
  const token = await createToken(adminPage, 'alimentation');
  const lines = Array.from({ length: 310 }, (_, i) => line(i, 38_000));
  const body = lines.join('\n');
  // Over the 10 MiB Next.js's proxy used to keep (an 11.9 MB batch lost 37 lines).
  expect(Buffer.byteLength(body)).toBeGreaterThan(11 * MIB);
  const answer = await request.post('/api/alimentation/v1/lots', {
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/x-ndjson' },
    data: body,
    timeout: 110_000,
  });
  expect(answer.status()).toBe(200);
  const results = (await answer.text())
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { ligne: number; statut: string });
  expect(results.map((r) => r.ligne)).toEqual(lines.map((_, i) => i + 1));
  expect(new Set(results.map((r) => r.statut))).toEqual(new Set(['refuse']));
});

test('a chunked batch over 20 MB is a 413 naming the limit', async ({ adminPage, baseURL }) => {
  const token = await createToken(adminPage, 'alimentation');
  const chunk = Buffer.from(`${line(0, 1_000_000)}\n`);
  const answer = await postChunked(
    new URL('/api/alimentation/v1/lots', baseURL),
    { Authorization: `Bearer ${token}`, 'Content-Type': 'application/x-ndjson' },
    Array.from({ length: 21 }, () => chunk),
  );
  expect(answer.status).toBe(413);
  expect(JSON.parse(answer.body)).toEqual({
    erreur: 'trop_volumineux',
    message: 'La requête dépasse 20 Mo : rien n’a été lu ni écrit.',
  });
});

test('a form body of undeclared length is refused before it is read', async ({ baseURL }) => {
  const answer = await postChunked(
    new URL('/administration/siecle', baseURL),
    { 'Content-Type': 'multipart/form-data; boundary=x' },
    [Buffer.from('--x--\r\n')],
  );
  expect(answer.status).toBe(411);
  expect(answer.body).toContain('Content-Length');
});

test.describe('a SIECLE upload of nearly 20 MB', () => {
  /** The file through the page's own form (a Server Action), and what the page says of it. */
  async function upload(adminPage: import('@playwright/test').Page, xml: Buffer) {
    await adminPage.goto('/administration/siecle');
    const field = adminPage.getByLabel('Fichier SIECLE (.xml ou .zip)');
    await field.setInputFiles({
      name: 'ElevesSansAdresses.xml',
      mimeType: 'text/xml',
      buffer: xml,
    });
    await adminPage.getByRole('button', { name: 'Voir l’aperçu' }).click();
    await expect(field).toHaveAttribute('aria-invalid', 'true', { timeout: 60_000 });
    return adminPage.locator('#fichier-erreur').innerText();
  }

  test('reaches the SIECLE reader whole', async ({ adminPage }) => {
    test.setTimeout(120_000);
    // 19.4 MB of a well-formed XML that is not SIECLE's: the reader, not the form, refuses it.
    const filler = '<LIGNE>données</LIGNE>\n'.repeat(Math.floor((19.4 * MIB) / 24));
    const xml = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<AUTRE>${filler}</AUTRE>`);
    expect(xml.length).toBeGreaterThan(19 * MIB);
    const said = await upload(adminPage, xml);
    expect(said).not.toContain('illisible');
    expect(said).toContain('n’est pas un export SIECLE');
  });

  test('nested 20 MB deep is refused at once, and the server keeps answering', async ({
    adminPage,
    request,
  }) => {
    test.setTimeout(120_000);
    // Elements nested as deep as the file allows: the parser used to rebuild the element's
    // path at every tag (14 s for 280 KB, quadratic). Refused at the depth a SIECLE export
    // never reaches; meanwhile the liveness check answers.
    const depth = Math.floor((19.9 * MIB) / 8);
    const xml = Buffer.from(
      `<?xml version="1.0" encoding="UTF-8"?>\n<BEE_ELEVES>${'<A>'.repeat(depth)}${'</A>'.repeat(depth)}</BEE_ELEVES>`,
    );
    const said = upload(adminPage, xml);
    const live = await request.get('/api/health/live');
    expect(live.status()).toBe(200);
    expect(await said).toContain('imbriqués');
  });
});
