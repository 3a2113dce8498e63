// Writes the demo data into a database. Idempotent: every row has a stable id and is
// inserted with ON CONFLICT DO NOTHING, so a second run changes nothing (and never tries
// to modify an archived bilan). Bilans are written as CPRO's writer does: created open,
// filled with their positionnements and notes, then validated — the database refuses
// anything added to a bilan already validated.
import { and, count, inArray, isNull } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import * as schema from '@/lib/db/schema';
import type { Database } from '@/lib/db/types';
import { hashPassword } from '@/lib/auth/ways/password/password';
import { todayInParis } from '@/lib/common/dates';
import { buildDemoData, DEMO_PASSWORD } from './demo-data';

const CHUNK = 1000;

async function insertAll(db: Database, table: PgTable, rows: readonly Record<string, unknown>[]) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insert(table)
      .values(rows.slice(i, i + CHUNK))
      .onConflictDoNothing();
  }
}

export interface SeedReport {
  etablissements: number;
  apprenants: number;
  bilans: number;
  positionnements: number;
}

export async function seedDemo(db: Database, today: string = todayInParis()): Promise<SeedReport> {
  const data = buildDemoData(today);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const t = tx as unknown as Database;
    await insertAll(t, schema.etablissements, data.etablissements);
    await insertAll(
      t,
      schema.utilisateurs,
      data.utilisateurs.map((u) => ({ ...u, passwordHash })),
    );
    await insertAll(t, schema.identitesExternes, data.identitesExternes);
    await insertAll(t, schema.referentiels, data.referentiels);
    await insertAll(t, schema.competences, data.competences);
    await insertAll(t, schema.classes, data.classes);
    await insertAll(t, schema.apprenants, data.apprenants);
    await insertAll(t, schema.inscriptions, data.inscriptions);
    await insertAll(t, schema.equipes, data.equipes);
    await insertAll(t, schema.periodes, data.periodes);
    const created = new Set<string>();
    for (let i = 0; i < data.bilans.length; i += CHUNK) {
      const rows = await t
        .insert(schema.bilans)
        .values(data.bilans.slice(i, i + CHUNK).map((b) => ({ ...b, valideLe: null })))
        .onConflictDoNothing()
        .returning({ id: schema.bilans.id });
      for (const row of rows) created.add(row.id);
    }
    const isNew = (row: { bilanId: string }) => created.has(row.bilanId);
    await insertAll(t, schema.positionnements, data.positionnements.filter(isNew));
    await insertAll(t, schema.notes, data.notes.filter(isNew));
    // Validated afterwards, one statement per validation date.
    const byValidation = new Map<number, string[]>();
    for (const { id, valideLe } of data.bilans) {
      if (!id || !valideLe || !created.has(id)) continue;
      const at = new Date(valideLe).getTime();
      byValidation.set(at, [...(byValidation.get(at) ?? []), id]);
    }
    for (const [at, ids] of byValidation) {
      await t
        .update(schema.bilans)
        .set({ valideLe: new Date(at) })
        .where(and(inArray(schema.bilans.id, ids), isNull(schema.bilans.valideLe)));
    }
  });
  return {
    etablissements: data.etablissements.length,
    apprenants: data.apprenants.length,
    bilans: data.bilans.length,
    positionnements: data.positionnements.length,
  };
}

/** Seeds a database that has no establishment yet (first start of the embedded database). */
export async function seedIfEmpty(db: Database): Promise<SeedReport | null> {
  const [row] = await db.select({ n: count() }).from(schema.etablissements);
  if ((row?.n ?? 0) > 0) return null;
  return seedDemo(db);
}
