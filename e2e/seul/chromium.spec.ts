// What would disturb the tests running beside it, run alone after them (playwright.config.ts,
// project `seul`): the server's Chromium killed between two PDFs.
import { execFileSync } from 'node:child_process';
import { expect, test } from '../fixtures';
import { ARCHIVE_CLASS, openPdf, openPupil } from '../helpers';
import { pdfText } from '../pdf-text';

test('killing Chromium between two PDFs does not break the next one', async ({ page }) => {
  await openPupil(page, ARCHIVE_CLASS, 'BONNET Camille');
  await openPdf(page, 'Générer en PDF');
  expect(execFileSync('pgrep', ['-f', 'cpro-pdf-renderer'], { encoding: 'utf8' }).trim()).not.toBe(
    '',
  );
  try {
    execFileSync('pkill', ['-9', '-f', 'cpro-pdf-renderer']);
  } catch {
    // pkill exits 1 when nothing matched; the assertion below says whether it mattered.
  }
  expect(() => execFileSync('pgrep', ['-f', 'cpro-pdf-renderer'])).toThrow();
  await openPupil(page, ARCHIVE_CLASS, 'BOUVIER Timéo');
  const pdf = await pdfText((await openPdf(page, 'Générer en PDF')).bytes);
  expect(pdf.text).toContain('BOUVIER Timéo');
});
