// Print tokens as the server draws them, for tests that open print pages as our PDF browser
// does: signed with the e2e server's own secret (its data folder), for the demo teacher.
import fs from 'node:fs';
import path from 'node:path';
import { DEMO_IDS } from '../drizzle/seed/demo-ids';
import { createPrintToken } from '../lib/impression/print-token';
import { printTokenIds } from '../lib/impression/print-route';
import type { PrintRoute } from '../lib/impression/document';

export function printToken(kind: string, route: PrintRoute): Promise<string> {
  const secret = fs
    .readFileSync(path.join(process.env.E2E_DATA_DIR ?? '.data/e2e', 'secret'), 'utf8')
    .trim();
  return createPrintToken(
    {
      etablissementId: DEMO_IDS.etablissement,
      utilisateurId: DEMO_IDS.enseignant,
      kind,
      ids: printTokenIds(route),
    },
    Date.now(),
    secret,
  );
}
