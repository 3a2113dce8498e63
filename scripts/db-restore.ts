// `npm run db:restore -- <fichier>`: restores a backup of the embedded database
// (npm run db:backup) into the data folder (DATA_DIR), which must hold no database yet — a
// restore never overwrites one. Then checks the restored schema; `npm start` serves it.
import fs from 'node:fs';
import { appConfigOrExit } from '@/lib/config/env';
import { embeddedDatabaseDir } from '@/lib/config/paths';
import { openEmbedded } from '@/lib/db/connect';
import { schemaStatus } from '@/lib/db/schema-version';
import { compte } from '@/lib/common/pluriel';

const file = process.argv[2];
if (!file || process.argv.length > 3) {
  console.error('Usage : npm run db:restore -- <fichier.tar.gz>');
  process.exit(2);
}
if (appConfigOrExit().databaseUrl) {
  console.error(
    'Base PostgreSQL : restaurez-la avec pg_restore (voir docs/exploitation.md) ; cette commande restaure la base embarquée.',
  );
  process.exit(2);
}
if (!fs.existsSync(file)) {
  console.error(`Fichier introuvable : ${file}`);
  process.exit(1);
}
const dir = embeddedDatabaseDir();
if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0) {
  console.error(
    `Le dossier ${dir} contient déjà une base : une restauration ne l’écrase jamais. Restaurez dans un dossier de données vide (DATA_DIR=…).`,
  );
  process.exit(1);
}

const started = performance.now();
let connection;
try {
  connection = await openEmbedded(dir, { loadDataDir: new Blob([fs.readFileSync(file)]) });
} catch (error) {
  fs.rmSync(dir, { recursive: true, force: true });
  console.error(`Ce fichier n’est pas une sauvegarde lisible : ${(error as Error).message}`);
  process.exit(1);
}
try {
  const status = await schemaStatus(connection.db);
  console.log(
    `Base restaurée dans ${dir} en ${Math.round(performance.now() - started)} ms (schéma : ${status.state}${status.pending ? `, ${compte(status.pending, 'migration', 'migrations')} à appliquer au démarrage` : ''}).`,
  );
} finally {
  await connection.close();
}
process.exit(0);
