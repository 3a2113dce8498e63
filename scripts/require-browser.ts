// First step of `npm test`: a Chromium must exist for the PDF and e2e tests, and poppler's
// pdftotext to read the PDFs back as a reviewer does (both installed with apt-get on Debian
// as root, otherwise a clear message and a failure).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { requireBrowserOrExit } from './ensure-browser';

requireBrowserOrExit();

const hasPdftotext = () => spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;
if (!hasPdftotext()) {
  if (process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get')) {
    console.log('[cpro] Installation de poppler-utils (apt-get install poppler-utils)…');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'poppler-utils'], { stdio: 'inherit' });
  }
  if (!hasPdftotext()) {
    console.error(
      '[cpro] pdftotext introuvable : les tests relisent les PDF avec poppler. Installez « poppler-utils » (Debian, Ubuntu), « poppler » (Homebrew).',
    );
    process.exit(1);
  }
}
