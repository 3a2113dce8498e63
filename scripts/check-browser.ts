// postinstall: says which Chromium will print PDFs and run the e2e tests, or — calmly: nothing
// is wrong with the install — how to get one. Never fails the install: the app serves pages
// without a browser, only its PDFs need one.
import { findChromium } from '@/lib/pdf/find-chromium';

const found = findChromium();
if (found) {
  console.log(`[cpro] Chromium pour les PDF : ${found.path} (${found.source})`);
} else {
  console.log(
    '[cpro] Installation terminée. Pas encore de Chromium pour les PDF (les pages fonctionnent sans) : ' +
      '`npx playwright install chromium`, ou `apt-get install chromium`, ou CHROMIUM_PATH. ' +
      '`npm test` l’installe lui-même sur Debian quand il est lancé en root.',
  );
}
