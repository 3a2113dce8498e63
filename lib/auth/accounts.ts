// Reads a signed-in account with its establishment: one indexed lookup by id, made on
// every request by session.ts (so a deactivated or revoked account stops at once). The
// statement is built once per database and prepared under a name: each request then only
// binds the id (no query building in Node.js, no parsing or planning in PostgreSQL).
import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { etablissements, utilisateurs } from '@/lib/db/schema';
import type { Database } from '@/lib/db/types';
import type { Role } from '@/lib/db/enums';

export interface Account {
  id: string;
  nom: string;
  prenom: string;
  email: string;
  role: Role;
  actif: boolean;
  sessionVersion: number;
  etablissement: { id: string; nom: string; uai: string };
}

function prepareFindAccount(db: Database) {
  return db
    .select({
      id: utilisateurs.id,
      nom: utilisateurs.nom,
      prenom: utilisateurs.prenom,
      email: utilisateurs.email,
      role: utilisateurs.role,
      actif: utilisateurs.actif,
      sessionVersion: utilisateurs.sessionVersion,
      etablissement: { id: etablissements.id, nom: etablissements.nom, uai: etablissements.uai },
    })
    .from(utilisateurs)
    .innerJoin(etablissements, eq(etablissements.id, utilisateurs.etablissementId))
    .where(eq(utilisateurs.id, sql.placeholder('id')))
    .limit(1)
    .prepare('cpro_find_account');
}

const prepared = new WeakMap<Database, ReturnType<typeof prepareFindAccount>>();

export async function findAccount(db: Database, id: string): Promise<Account | null> {
  let statement = prepared.get(db);
  if (!statement) {
    statement = prepareFindAccount(db);
    prepared.set(db, statement);
  }
  const [row] = await statement.execute({ id });
  return row ?? null;
}
