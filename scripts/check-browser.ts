// postinstall: says which Chromium will print PDFs and run the e2e tests, or how to get
// one. Never fails the install: the app serves pages without a browser.
import { BrowserNotFoundError, findChromium } from '@/lib/pdf/find-chromium';

const found = findChromium();
if (found) {
  console.log(`[cpro] Chromium pour les PDF : ${found.path} (${found.source})`);
} else {
  console.warn(`[cpro] ${new BrowserNotFoundError().message}`);
  console.warn("[cpro] `npm test` l'installe lui-même sur Debian quand il est lancé en root.");
}
