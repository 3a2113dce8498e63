// Reads a signed-in account with its establishment and whether the session (sessions.ts)
// is still open, and how it was opened (the access trace records it): one indexed lookup by id, made on every request by session.ts (so a
// deactivated account or a revoked session stops at once). The
// statement is built once per database and prepared under a name: each request then only
// binds the id (no query building in Node.js, no parsing or planning in PostgreSQL).
import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { etablissements, sessions, utilisateurs } from '@/lib/db/schema';
import type { Database } from '@/lib/db/types';
import type { MoyenConnexion, Role } from '@/lib/db/enums';

export interface Account {
  id: string;
  nom: string;
  prenom: string;
  email: string;
  role: Role;
  actif: boolean;
  sessionVersion: number;
  /**
   * How the session named by the cookie was opened, when it exists for this account,
   * unrevoked and unexpired; null otherwise.
   */
  sessionMoyen: MoyenConnexion | null;
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
      sessionMoyen: sql<MoyenConnexion | null>`(select ${sessions.moyen} from ${sessions}
        where ${sessions.id} = ${sql.placeholder('sessionId')}
          and ${sessions.utilisateurId} = ${utilisateurs.id}
          and ${sessions.revoqueeLe} is null and ${sessions.expireLe} > now())`,
      etablissement: { id: etablissements.id, nom: etablissements.nom, uai: etablissements.uai },
    })
    .from(utilisateurs)
    .innerJoin(etablissements, eq(etablissements.id, utilisateurs.etablissementId))
    .where(eq(utilisateurs.id, sql.placeholder('id')))
    .limit(1)
    .prepare('cpro_find_account_session');
}

const prepared = new WeakMap<Database, ReturnType<typeof prepareFindAccount>>();

export async function findAccount(
  db: Database,
  id: string,
  sessionId: string,
): Promise<Account | null> {
  let statement = prepared.get(db);
  if (!statement) {
    statement = prepareFindAccount(db);
    prepared.set(db, statement);
  }
  const [row] = await statement.execute({ id, sessionId });
  return row ?? null;
}
