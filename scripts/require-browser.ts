// First step of `npm test`: a Chromium must exist for the PDF and e2e tests (installed with
// apt-get on Debian as root, otherwise a clear message and a failure).
import { ensureBrowser } from './ensure-browser';

try {
  const found = ensureBrowser();
  console.log(`[cpro] Chromium : ${found.path} (${found.source})`);
} catch (error) {
  console.error(`[cpro] ${(error as Error).message}`);
  process.exit(1);
}
