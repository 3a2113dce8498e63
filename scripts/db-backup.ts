// `npm run db:backup -- <fichier>`: a consistent backup of the embedded database, private
// (0600) — asked to the running server when it holds the database (its control socket), taken
// directly otherwise. On PostgreSQL, pg_dump is the tool (docs/exploitation.md).
import fs from 'node:fs';
import { appConfigOrExit } from '@/lib/config/env';
import { requestBackup } from '@/lib/server/control-socket';
import {
  BackupExistsError,
  DiskFullError,
  writeBackup,
  writeNewPrivateFile,
} from '@/lib/db/backup';
import { openForScript } from './open-database';

const file = process.argv[2];
if (!file || process.argv.length > 3) {
  console.error('Usage : npm run db:backup -- <fichier.tar.gz>');
  process.exit(2);
}
if (appConfigOrExit().databaseUrl) {
  console.error(
    'Base PostgreSQL : sauvegardez-la avec pg_dump (voir docs/exploitation.md) ; cette commande sauvegarde la base embarquée.',
  );
  process.exit(2);
}
if (fs.existsSync(file) || fs.lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink()) {
  console.error(new BackupExistsError(file).message);
  process.exit(1);
}

const started = performance.now();
const fromServer = await requestBackup().catch((error: Error) => {
  console.error(`Le serveur n’a pas pu sauvegarder la base : ${error.message}`);
  process.exit(1);
});
let bytes: number;
try {
  if (fromServer) {
    writeNewPrivateFile(file, fromServer);
    bytes = fromServer.length;
  } else {
    const connection = await openForScript({ prepareEmbedded: false });
    try {
      bytes = await writeBackup(connection, file);
    } finally {
      await connection.close();
    }
  }
} catch (error) {
  if (error instanceof BackupExistsError || error instanceof DiskFullError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
console.log(
  `Sauvegarde écrite dans ${file} (${(bytes / 1024 / 1024).toFixed(1)} Mo, ${Math.round(performance.now() - started)} ms${fromServer ? ', pendant que le serveur tourne' : ''}).`,
);
process.exit(0);
