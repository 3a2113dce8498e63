// `npm run docs:configuration`: writes docs/configuration.md and .env.example from each
// variable's documentation, beside its schema (gathered by lib/config/variables-doc.ts; the
// page formatted as Prettier would, so that the lint agrees).
import fs from 'node:fs';
import { configurationFiles } from '@/lib/config/variables-doc-files';

for (const [file, text] of Object.entries(await configurationFiles())) {
  fs.writeFileSync(file, text);
  console.log(`[cpro] ${file} écrit.`);
}
