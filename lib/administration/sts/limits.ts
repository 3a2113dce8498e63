// What an STS-Web « emploi du temps » export may be: 20 Mo once uncompressed (a large lycée's
// is about 2 Mo); its elements nest six deep
// (STS_EDT/DONNEES/STRUCTURE/DIVISIONS/DIVISION/SERVICES/SERVICE/ENSEIGNANTS/ENSEIGNANT is
// nine), a few more in the fields the module skips.
import 'server-only';
import type { XmlFormat } from '../xml/format';

export const STS_FORMAT: XmlFormat = {
  name: 'un export STS-Web « emploi du temps » (sts_emp_<UAI>_<année>.xml)',
  exporter: 'STS-Web',
  root: 'STS_EDT',
  maxDepth: 14,
  maxBytes: 20 * 1024 * 1024,
  maxLabel: '20 Mo',
  fileInZip: 'l’export sts_emp_<UAI>_<année>.xml',
};
