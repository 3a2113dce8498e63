// What « Saisie de la classe » (/classes/<classeId>/saisie) reads, in ONE query scoped to the
// teacher's establishment: the class, whether the teacher is in its team, the current period,
// and per pupil still enrolled their current draft (the same one « Rédiger un bilan » edits:
// source, version, levels, who wrote it last, whether constats or conseils are written), their
// validated bilan of the current period and their last validated bilan of the class's
// referential (the « précédent » level beside each cell).
import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@/lib/db/types';
import { parseRows } from '@/lib/db/rows';
import { NIVEAUX, type Niveau } from '@/lib/db/enums';
import { isUuid } from '@/lib/common/ids';
import { schoolYearOf } from '@/lib/common/dates';
import { stillEnrolled } from '@/lib/bilans/inscriptions';
import { compareApprenants } from '@/lib/bilans/tri';
import { referentielOf, moduleSource } from '@/lib/redaction/brouillon';
import type { CompetenceRef } from '@/lib/redaction/saisie';

export type EtatLigne = 'aucun' | 'brouillon' | 'valide';

export interface LigneGrille {
  apprenant: { id: string; nom: string; prenom: string };
  etat: EtatLigne;
  /** The draft's source and version (a new draft: '' and 0). */
  source: string;
  version: number;
  /** The draft's levels, or the validated bilan's (read-only), by competence code. */
  niveaux: Record<string, Niveau>;
  /** The last validated bilan's levels (the « précédent »). */
  precedent: Record<string, Niveau>;
  /** Constats or conseils written (a draft can be validated only with one). */
  texte: boolean;
  /** Who saved the draft's current version in the module (null: the write API or a seed). */
  modifiePar: string | null;
  modifieLe: string | null;
  /** The draft's or the validated bilan's date. */
  date: string | null;
}

export interface Grille {
  classe: { id: string; nom: string; anneeScolaire: string; referentielId: string };
  /** Whether the class is of the current school year (else nothing is written here). */
  courante: boolean;
  periode: { libelle: string; debut: string; fin: string } | null;
  competences: CompetenceRef[];
  lignes: LigneGrille[];
}

export type GrilleLue = Grille | 'introuvable' | 'interdit';

const niveaux = z.record(z.string(), z.enum(NIVEAUX)).nullable();

const row = z.object({
  id: z.string(),
  nom: z.string(),
  annee_scolaire: z.string(),
  referentiel_id: z.string(),
  equipe: z.boolean(),
  periode: z.object({ libelle: z.string(), debut: z.string(), fin: z.string() }).nullable(),
  apprenants: z
    .array(
      z.object({
        id: z.string(),
        nom: z.string(),
        prenom: z.string(),
        brouillon: z
          .object({
            bilanId: z.string(),
            date: z.string(),
            source: z.string().nullable(),
            version: z.number().nullable(),
            modifieLe: z.string(),
            modifiePar: z.string().nullable(),
            texte: z.boolean(),
            niveaux,
          })
          .nullable(),
        valide: z.object({ date: z.string(), niveaux }).nullable(),
        precedent: niveaux,
      }),
    )
    .nullable(),
});

const levelsOf = (bilan: string) => sql`(select json_object_agg(k.code, p.niveau)
   from positionnements p join competences k on k.id = p.competence_id
  where p.bilan_id = ${sql.raw(bilan)}.id)`;

export async function loadGrille(
  db: Database,
  etablissementId: string,
  utilisateurId: string,
  classeId: string,
  today: string,
): Promise<GrilleLue> {
  if (!isUuid(classeId) || !isUuid(etablissementId)) return 'introuvable';
  const [raw] = parseRows(
    await db.execute(sql`
      with periode as (
        select p.libelle, to_char(p.debut, 'YYYY-MM-DD') as debut,
               to_char(p.fin, 'YYYY-MM-DD') as fin, p.debut as d, p.fin as f
          from periodes p
         where p.etablissement_id = ${etablissementId} and ${today}::date between p.debut and p.fin
         order by p.debut desc limit 1)
      select c.id, c.nom, c.annee_scolaire, c.referentiel_id,
             exists (select 1 from equipes q
                      where q.classe_id = c.id and q.utilisateur_id = ${utilisateurId}) as equipe,
             (select json_build_object('libelle', libelle, 'debut', debut, 'fin', fin)
                from periode) as periode,
             (select json_agg(json_build_object(
                'id', a.id, 'nom', a.nom, 'prenom', a.prenom,
                'brouillon', (select json_build_object(
                    'bilanId', b.id, 'date', to_char(b.date, 'YYYY-MM-DD'),
                    'source', s.source, 'version', s.version,
                    'modifieLe', coalesce(s.modifie_le, b.cree_le),
                    'modifiePar', case when u.id is null then null
                                       else u.prenom || ' ' || u.nom end,
                    'texte', (btrim(b.constats) <> '' or btrim(b.conseils) <> ''),
                    'niveaux', ${levelsOf('b')})
                    from bilans b
                    left join sources_bilans s on s.bilan_id = b.id
                    left join utilisateurs u on u.id = s.modifie_par
                   where b.apprenant_id = a.id and b.valide_le is null
                   order by b.date desc, b.cree_le desc limit 1),
                'valide', (select json_build_object(
                    'date', to_char(b.date, 'YYYY-MM-DD'), 'niveaux', ${levelsOf('b')})
                    from bilans b, periode
                   where b.apprenant_id = a.id and b.valide_le is not null
                     and b.date between periode.d and periode.f
                   order by b.date desc, b.valide_le desc limit 1),
                'precedent', (select ${levelsOf('b')}
                    from bilans b
                   where b.apprenant_id = a.id and b.referentiel_id = c.referentiel_id
                     and b.valide_le is not null
                   order by b.date desc, b.valide_le desc limit 1)))
                from inscriptions i join apprenants a on a.id = i.apprenant_id
               where i.classe_id = c.id and ${stillEnrolled('i')}
                 and a.etablissement_id = ${etablissementId}) as apprenants
        from classes c
       where c.id = ${classeId} and c.etablissement_id = ${etablissementId}`),
    row,
  );
  if (!raw) return 'introuvable';
  if (!raw.equipe) return 'interdit';
  const { competences } = await referentielOf(db, raw.referentiel_id);
  const lignes: LigneGrille[] = (raw.apprenants ?? [])
    .map(({ brouillon, valide, precedent, ...apprenant }): LigneGrille => {
      const common = { apprenant, precedent: precedent ?? {} };
      if (brouillon) {
        return {
          ...common,
          etat: 'brouillon',
          source: brouillon.source ?? moduleSource(brouillon.bilanId),
          version: brouillon.version ?? 0,
          niveaux: brouillon.niveaux ?? {},
          texte: brouillon.texte,
          modifiePar: brouillon.modifiePar,
          modifieLe: brouillon.modifieLe,
          date: brouillon.date,
        };
      }
      return {
        ...common,
        etat: valide ? 'valide' : 'aucun',
        source: '',
        version: 0,
        niveaux: valide?.niveaux ?? {},
        texte: false,
        modifiePar: null,
        modifieLe: null,
        date: valide?.date ?? null,
      };
    })
    .sort((a, b) => compareApprenants(a.apprenant, b.apprenant));
  return {
    classe: {
      id: raw.id,
      nom: raw.nom,
      anneeScolaire: raw.annee_scolaire,
      referentielId: raw.referentiel_id,
    },
    courante: raw.annee_scolaire === schoolYearOf(today),
    periode: raw.periode,
    competences,
    lignes,
  };
}

/** Whether a draft row can be validated: every competence positioned, and a text written. */
export function ligneComplete(ligne: LigneGrille, competences: CompetenceRef[]): boolean {
  return (
    ligne.etat === 'brouillon' && ligne.texte && competences.every((k) => ligne.niveaux[k.code])
  );
}
