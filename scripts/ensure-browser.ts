// Makes sure a Chromium exists before the e2e tests: on Debian as root it installs the
// `chromium` package; anywhere else it stops with the instructions.
import { appConfig } from '@/lib/config/env';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { BrowserNotFoundError, findChromium, type FoundBrowser } from '@/lib/pdf/find-chromium';

export function ensureBrowser(): FoundBrowser {
  const found = findChromium();
  if (found) return found;
  const canApt =
    process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get') && !appConfig().chromiumPath;
  if (!canApt) throw new BrowserNotFoundError();
  console.log('[cpro] Installation de Chromium (apt-get install chromium)…');
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  const installed = findChromium();
  if (!installed) throw new BrowserNotFoundError(' même après apt-get install chromium');
  return installed;
}

/** For the test scripts: the browser, or its instructions and exit 1. */
export function requireBrowserOrExit(): FoundBrowser {
  try {
    const found = ensureBrowser();
    console.log(`[cpro] Chromium : ${found.path} (${found.source})`);
    return found;
  } catch (error) {
    console.error(`[cpro] ${(error as Error).message}`);
    process.exit(1);
  }
}
