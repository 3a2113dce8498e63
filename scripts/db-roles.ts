// `npm run db:roles -- [role]`: on PostgreSQL, creates (if needed) the role the application
// connects as (default `cpro_app`) and gives it exactly its rights: read the archives,
// write its own tables (lib/db/roles.ts). Run with DATABASE_URL naming the tables' OWNER,
// after `npm run db:migrate` (again after each migration). CPRO_APP_PASSWORD, when set,
// becomes the role's password.
import { grantAppRole, isRoleName } from '@/lib/db/roles';
import { appConfigOrExit } from '@/lib/config/env';
import { openForScript } from './open-database';

const config = appConfigOrExit();
const role = process.argv[2] ?? 'cpro_app';
if (!config.databaseUrl) {
  console.error(
    '[cpro] db:roles concerne PostgreSQL : indiquez DATABASE_URL (le rôle propriétaire des tables).',
  );
  process.exit(1);
}
if (!isRoleName(role)) {
  console.error(`[cpro] Nom de rôle invalide : « ${role} » (lettres minuscules, chiffres, _).`);
  process.exit(1);
}
const connection = await openForScript({ prepareEmbedded: false });
try {
  await grantAppRole(connection.db, role, config.appRolePassword ?? null);
  const url = new URL(config.databaseUrl);
  url.username = role;
  url.password = config.appRolePassword ? '…' : '';
  console.log(`[cpro] Rôle « ${role} » prêt : l'application se connecte avec DATABASE_URL=${url}`);
} finally {
  await connection.close();
}
