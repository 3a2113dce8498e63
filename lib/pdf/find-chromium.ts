// Finds a Chromium for printing PDFs and running e2e tests: `CHROMIUM_PATH` first, then
// Playwright's own downloaded browser (a developer's laptop), then the system's
// (Debian's `chromium` package on servers and CI, where Playwright cannot download).
import { appConfig } from '@/lib/config/env';
import { AppError } from '@/lib/http/app-error';
import fs from 'node:fs';
import { chromium } from 'playwright-core';

export interface FoundBrowser {
  path: string;
  source: 'CHROMIUM_PATH' | 'playwright' | 'system';
}

const SYSTEM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** Marks our Chromium processes, so they can be told apart from any other Chromium. */
export const RENDERER_FLAG = '--cpro-pdf-renderer';

/** Flags that keep Chromium quiet on a closed network and working as root in containers. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export class BrowserNotFoundError extends AppError {
  constructor(detail = '') {
    super(
      'unavailable',
      `Aucun navigateur Chromium trouvé pour produire les PDF${detail}. ` +
        'Indiquez son chemin dans la variable CHROMIUM_PATH, ou installez-en un : ' +
        '`npx playwright install chromium` (poste de travail) ou `apt-get install chromium` (Debian/Ubuntu).',
      { title: 'Impression PDF indisponible' },
    );
    this.name = 'BrowserNotFoundError';
  }
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

export function findChromium(
  fromEnv: string | undefined = appConfig().chromiumPath,
): FoundBrowser | null {
  if (fromEnv) return isExecutable(fromEnv) ? { path: fromEnv, source: 'CHROMIUM_PATH' } : null;
  try {
    const own = chromium.executablePath();
    if (own && isExecutable(own)) return { path: own, source: 'playwright' };
  } catch {
    // Playwright has no browser of its own here.
  }
  const system = SYSTEM_PATHS.find(isExecutable);
  return system ? { path: system, source: 'system' } : null;
}

export function requireChromium(
  fromEnv: string | undefined = appConfig().chromiumPath,
): FoundBrowser {
  const found = findChromium(fromEnv);
  if (!found) {
    throw new BrowserNotFoundError(
      fromEnv ? ` (CHROMIUM_PATH=${fromEnv} n'est pas un exécutable)` : '',
    );
  }
  return found;
}
