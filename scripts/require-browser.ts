// First step of `npm test`: a Chromium must exist for the PDF and e2e tests (installed with
// apt-get on Debian as root, otherwise a clear message and a failure).
import { requireBrowserOrExit } from './ensure-browser';

requireBrowserOrExit();
