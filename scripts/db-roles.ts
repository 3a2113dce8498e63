// `npm run db:roles -- [role]`: on PostgreSQL, creates (if needed) the role the application
// connects as (default `cpro_app`) and gives it exactly its rights: read the archives,
// write its own tables (lib/db/roles.ts). Run with DATABASE_URL naming the tables' OWNER,
// after `npm run db:migrate` (again after each migration). CPRO_APP_PASSWORD, when set,
// becomes the role's password.
import { grantAppRole, isRoleName } from '@/lib/db/roles';
import { openForScript } from './open-database';

const role = process.argv[2] ?? 'cpro_app';
if (!process.env.DATABASE_URL) {
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
  await grantAppRole(connection.db, role, process.env.CPRO_APP_PASSWORD ?? null);
  const url = new URL(process.env.DATABASE_URL);
  url.username = role;
  url.password = process.env.CPRO_APP_PASSWORD ? '…' : '';
  console.log(`[cpro] Rôle « ${role} » prêt : l'application se connecte avec DATABASE_URL=${url}`);
} finally {
  await connection.close();
}
