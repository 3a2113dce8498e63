// What a bilan refers to, looked up within one establishment: its pupil (by INE or CPRO id),
// its referential and competences (by code and version), its author (a teacher's e-mail).
// Each answer is kept for the next bilan of the same request; a batch preloads everything at
// once (one query per kind, whatever its size). A pupil of another establishment and nobody's
// pupil are found the same way, in the same time: neither is in this establishment's rows.
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/lib/db/types';
import { apprenants, competences, referentiels, utilisateurs } from '@/lib/db/schema';
import { isUuid } from '@/lib/common/ids';

export interface ReferentielTrouve {
  id: string;
  version: string;
  /** In the referential's order. */
  competences: { id: string; code: string }[];
}

export class Lookup {
  private readonly byIne = new Map<string, string | null>();
  private readonly byId = new Map<string, string | null>();
  private readonly refs = new Map<string, ReferentielTrouve | null>();
  private readonly teachers = new Map<string, string | null>();
  private preloaded = false;

  constructor(
    private readonly db: Database,
    readonly etablissementId: string,
  ) {}

  /** Loads the establishment's pupils, teachers and every referential (a batch). */
  async preload(): Promise<void> {
    const [pupils, teachers] = [
      await this.db
        .select({ id: apprenants.id, ine: apprenants.ine })
        .from(apprenants)
        .where(eq(apprenants.etablissementId, this.etablissementId)),
      await this.db
        .select({ id: utilisateurs.id, email: utilisateurs.email })
        .from(utilisateurs)
        .where(
          and(
            eq(utilisateurs.etablissementId, this.etablissementId),
            eq(utilisateurs.role, 'enseignant'),
          ),
        ),
    ];
    for (const p of pupils) {
      this.byId.set(p.id, p.id);
      if (p.ine) this.byIne.set(p.ine.toUpperCase(), p.id);
    }
    for (const t of teachers) this.teachers.set(t.email, t.id);
    for (const code of (await this.db.select({ code: referentiels.code }).from(referentiels)).map(
      (r) => r.code,
    )) {
      await this.referentiel(code);
    }
    this.preloaded = true;
  }

  async apprenant(key: { ine: string } | { id: string }): Promise<string | null> {
    if ('ine' in key) {
      const ine = key.ine.trim().toUpperCase();
      if (!this.byIne.has(ine)) {
        if (this.preloaded) return null;
        const [row] = await this.db
          .select({ id: apprenants.id })
          .from(apprenants)
          .where(and(eq(apprenants.etablissementId, this.etablissementId), eq(apprenants.ine, ine)))
          .limit(1);
        this.byIne.set(ine, row?.id ?? null);
      }
      return this.byIne.get(ine) ?? null;
    }
    const id = key.id.toLowerCase();
    if (!this.byId.has(id)) {
      if (this.preloaded) return null;
      const [row] = isUuid(id)
        ? await this.db
            .select({ id: apprenants.id })
            .from(apprenants)
            .where(and(eq(apprenants.etablissementId, this.etablissementId), eq(apprenants.id, id)))
            .limit(1)
        : [];
      this.byId.set(id, row?.id ?? null);
    }
    return this.byId.get(id) ?? null;
  }

  async referentiel(code: string): Promise<ReferentielTrouve | null> {
    if (!this.refs.has(code)) {
      if (this.preloaded) return null;
      const [ref] = await this.db
        .select({ id: referentiels.id, version: referentiels.version })
        .from(referentiels)
        .where(eq(referentiels.code, code));
      this.refs.set(
        code,
        ref
          ? {
              ...ref,
              competences: await this.db
                .select({ id: competences.id, code: competences.code })
                .from(competences)
                .where(eq(competences.referentielId, ref.id))
                .orderBy(competences.rang),
            }
          : null,
      );
    }
    return this.refs.get(code) ?? null;
  }

  async enseignant(email: string): Promise<string | null> {
    const key = email.trim().toLowerCase();
    if (!this.teachers.has(key)) {
      if (this.preloaded) return null;
      const [row] = await this.db
        .select({ id: utilisateurs.id })
        .from(utilisateurs)
        .where(
          and(
            eq(utilisateurs.etablissementId, this.etablissementId),
            eq(utilisateurs.email, key),
            eq(utilisateurs.role, 'enseignant'),
          ),
        );
      this.teachers.set(key, row?.id ?? null);
    }
    return this.teachers.get(key) ?? null;
  }
}
