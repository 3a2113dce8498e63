// RGPD access trace: who displayed, printed or exported which pupil's bilan, when,
// through which route, and how they had signed in (password, ENT by OpenID or CAS). Only ids are written, never pupil content. Pages record through
// after-response.ts so that tracing costs the teacher no time.
import 'server-only';
import { sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/types';
import { appConfig } from '@/lib/config/env';
import { enrolledClassId } from '@/lib/bilans/inscriptions';
import { z } from 'zod';
import { parseRows } from '@/lib/db/rows';

import type { MoyenConnexion } from '@/lib/db/enums';

export type { TraceAction } from '@/lib/db/enums';

export interface Lecteur {
  etablissementId: string;
  utilisateurId: string;
  /** The reader's way in; absent for the print pages our own browser reads. */
  moyenConnexion?: MoyenConnexion;
}

/** The reader of a signed-in teacher's request (structural: any session user fits). */
export function lecteurOf(user: {
  id: string;
  etablissement: { id: string };
  moyenConnexion: MoyenConnexion;
}): Lecteur {
  return {
    etablissementId: user.etablissement.id,
    utilisateurId: user.id,
    moyenConnexion: user.moyenConnexion,
  };
}

export interface BilanAccess {
  action: 'consultation' | 'pdf_bilan' | 'pdf_classe' | 'impression' | 'export_csv';
  route: string;
  apprenantId: string;
  bilanId: string;
}

/** One bilan displayed or printed by a teacher; only if it is of their establishment. */
export async function traceBilan(db: Database, lecteur: Lecteur, access: BilanAccess) {
  await traceBilans(db, [{ lecteur, access, at: new Date() }]);
}

export interface BilanTrace {
  lecteur: Lecteur;
  access: BilanAccess;
  /** When the bilan was displayed (a queued record is written a moment later). */
  at: Date;
}

/**
 * Several bilan accesses in one statement (trace-queue.ts batches page views this way);
 * each one is written only if its bilan belongs to its reader's establishment.
 */
export async function traceBilans(db: Database, traces: readonly BilanTrace[]) {
  if (traces.length === 0) return;
  // One JSON parameter rather than one array per column: routes are free text.
  const rows = JSON.stringify(
    traces.map(({ lecteur, access, at }) => ({
      etablissement_id: lecteur.etablissementId,
      utilisateur_id: lecteur.utilisateurId,
      action: access.action,
      route: access.route.slice(0, 500),
      apprenant_id: access.apprenantId,
      bilan_id: access.bilanId,
      moyen_connexion: lecteur.moyenConnexion ?? null,
      cree_le: at.toISOString(),
    })),
  );
  await db.execute(sql`
    insert into traces_acces
      (etablissement_id, utilisateur_id, action, route, apprenant_id, bilan_id, classe_id,
       moyen_connexion, cree_le)
    select t.etablissement_id, t.utilisateur_id, t.action, t.route, a.id, b.id,
           ${enrolledClassId('a', sql`b.date`)},
           t.moyen_connexion, t.cree_le
    from json_to_recordset(${rows}::json) as t(
      etablissement_id uuid, utilisateur_id uuid, action trace_action, route text,
      apprenant_id uuid, bilan_id uuid, moyen_connexion moyen_connexion, cree_le timestamptz)
    join bilans b on b.id = t.bilan_id
    join apprenants a on a.id = b.apprenant_id
    where a.id = t.apprenant_id and a.etablissement_id = t.etablissement_id`);
}

/** A bilan a document shows: what its access record names. */
export interface ShownBilan {
  apprenantId: string;
  bilanId: string;
}

/**
 * One record per bilan a document shows (a class document, a synthesis, a CSV), exactly
 * those: the list comes from the data the document is made of, never from a query of its
 * own that could pick other bilans. Records of another establishment's bilans are dropped.
 */
export async function traceShown(
  db: Database,
  lecteur: Lecteur,
  access: Pick<BilanAccess, 'action' | 'route'>,
  shown: readonly ShownBilan[],
  at: Date = new Date(),
) {
  await traceBilans(
    db,
    shown.map(({ apprenantId, bilanId }) => ({
      lecteur,
      access: { action: access.action, route: access.route, apprenantId, bilanId },
      at,
    })),
  );
}

/**
 * Deletes the records older than `before`; returns how many went. The trace is append-only
 * (drizzle/0004_securite_archives.sql): this database function is its one way out, and it
 * refuses to touch the last month.
 */
export async function purgeTraces(db: Database, before: Date): Promise<number> {
  const result = await db.execute(
    sql`select purger_traces_acces(${before.toISOString()}::timestamptz) as n`,
  );
  // A bigint: the pg driver gives it as text.
  const [row] = parseRows(result, z.object({ n: z.coerce.number() }));
  return row?.n ?? 0;
}

/** The retention limit: `TRACE_RETENTION_MONTHS` (default 12) months before `now`. */
export function retentionLimit(now: Date, months: number = appConfig().traceRetentionMonths): Date {
  const limit = new Date(now);
  limit.setUTCMonth(limit.getUTCMonth() - months);
  return limit;
}
