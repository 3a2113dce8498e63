// Applies a SIECLE file in one transaction (administer: the establishment's lock — two imports
// never interleave — and the journal line in the same transaction), its data read again, the plan computed again — so what is written is what the
// plan says now, even if something changed since the preview — and refused as a whole if the
// plan has errors. Writes are batched: a few statements per 500 pupils, whatever the file.
import 'server-only';
import { sql } from 'drizzle-orm';
import { chunks } from '@/lib/common/chunks';
import type { Database } from '@/lib/db/types';
import { apprenants, classes, referentielsDivisions } from '@/lib/db/schema';
import { Refus } from '@/lib/common/refus';
import type { UseCaseContext } from '@/lib/use-cases/context';
import { administer } from '../journal';
import type { SiecleFichier } from './fichier';
import { loadEtat } from './state';
import { blockingProblems, planImport, type ChoixReferentiels, type ImportPlan } from './plan';

const BATCH = 500;

export async function applySiecle(
  context: UseCaseContext,
  fichier: SiecleFichier,
  choix: ChoixReferentiels,
  options: { after?: (tx: Database) => Promise<void> } = {},
): Promise<ImportPlan> {
  const applied = await administer(context, 'import_siecle', async (work) => {
    const { db: tx, etablissementId } = work;
    const etat = await loadEtat(tx, etablissementId, fichier.anneeScolaire);
    const plan = planImport(fichier, etat, choix);
    const problems = blockingProblems(plan);
    if (problems.length > 0) {
      throw new Refus(`Import refusé, rien n’a été modifié : ${problems.join(' ')}`);
    }
    const w = plan.ecritures;
    const annee = fichier.anneeScolaire;

    const classeIds = new Map(etat.classes.map((c) => [c.nom, c.id]));
    if (w.classes.length > 0) {
      const created = await tx
        .insert(classes)
        .values(
          w.classes.map((c) => ({
            etablissementId,
            referentielId: c.referentielId,
            nom: c.code,
            anneeScolaire: annee,
          })),
        )
        .returning({ id: classes.id, nom: classes.nom });
      for (const c of created) classeIds.set(c.nom, c.id);
    }
    for (const c of w.choix) {
      await tx
        .insert(referentielsDivisions)
        .values({ etablissementId, codeDivision: c.code, referentielId: c.referentielId })
        .onConflictDoUpdate({
          target: [referentielsDivisions.etablissementId, referentielsDivisions.codeDivision],
          set: { referentielId: c.referentielId, choisiLe: sql`now()` },
        });
    }

    const ids = new Map<string, string>();
    for (const part of chunks(w.creations, BATCH)) {
      const created = await tx
        .insert(apprenants)
        .values(
          part.map((p) => ({
            etablissementId,
            nom: p.nom,
            prenom: p.prenom,
            ine: p.ine,
            siecleEleveId: p.eleveId,
          })),
        )
        .returning({ id: apprenants.id, siecleEleveId: apprenants.siecleEleveId });
      for (const c of created) ids.set(c.siecleEleveId!, c.id);
    }
    for (const part of chunks(w.miseAJour, BATCH)) {
      const values = sql.join(
        part.map((p) => sql`(${p.id}::uuid, ${p.nom}, ${p.prenom}, ${p.ine}, ${p.eleveId})`),
        sql`, `,
      );
      await tx.execute(sql`
        update apprenants a
           set nom = v.nom, prenom = v.prenom, ine = v.ine, siecle_eleve_id = v.eleve_id
          from (values ${values}) as v(id, nom, prenom, ine, eleve_id)
         where a.id = v.id and a.etablissement_id = ${etablissementId}`);
    }
    for (const part of chunks(w.inscriptions, BATCH)) {
      const values = sql.join(
        part.map((i) => {
          const apprenantId = ids.get(i.apprenant) ?? i.apprenant;
          const classeId = classeIds.get(i.division)!;
          return sql`(${apprenantId}::uuid, ${classeId}::uuid, ${annee}, ${i.sortieLe}::date)`;
        }),
        sql`, `,
      );
      await tx.execute(sql`
        insert into inscriptions (apprenant_id, classe_id, annee_scolaire, sortie_le)
        values ${values}
        on conflict (apprenant_id, annee_scolaire)
        do update set classe_id = excluded.classe_id, sortie_le = excluded.sortie_le`);
    }
    for (const s of w.sorties) {
      await tx.execute(sql`
        update inscriptions set sortie_le = ${s.sortieLe}::date
         where apprenant_id = ${s.apprenantId} and annee_scolaire = ${annee}`);
    }
    await options.after?.(tx);
    return {
      result: plan,
      details: {
        annee: annee,
        divisions: plan.divisions.length,
        nouveaux: plan.nouveaux.length,
        modifies: plan.modifies.length,
        deplaces: plan.deplaces.length,
        sortis: plan.sortis.length,
        inchanges: plan.inchanges,
        classesCreees: w.classes.length,
      },
    };
  });
  return applied!;
}
