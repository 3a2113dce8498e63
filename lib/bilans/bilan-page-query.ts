// Everything a bilan page shows, read in ONE query (a single round trip whatever the number
// of bilans), its row checked with zod and shaped by the pure view builder (bilan-view.ts).
// The query is scoped to the teacher's establishment: a pupil of another establishment is
// simply not found. A pupil's bilans are all of theirs, whatever class or school year they
// were written in; the class shown is the pupil's enrolment of the shown bilan's school year
// (else their latest).
import 'server-only';
import { sql } from 'drizzle-orm';
import type { Database } from '@/lib/db/types';
import { parseRows } from '@/lib/db/rows';
import { arrayLiteral } from '@/lib/db/array-literal';
import { isUuid } from '@/lib/common/ids';
import { bilanOrder } from './ordre';
import { enrolledClassId, schoolYearEnd, stillEnrolled } from './inscriptions';
import { buildBilanPageView, rawPage, type BilanPageView, type RawPage } from './bilan-view';

type Scope =
  | { apprenantId: string; bilanId: string | null; classeId?: string | null }
  | { classeId: string; apprenantIds?: string[] };

/**
 * One row per pupil in scope, with everything their bilan page shows. Reading the whole
 * class this way (for its PDF) is still a single query.
 */
export async function fetchRawPages(
  db: Database,
  etablissementId: string,
  scope: Scope,
  withSelection: boolean,
): Promise<RawPage[]> {
  // Which enrolment gives the page its class: for a pupil, the class the teacher came from
  // (in the URL) when the pupil was enrolled in it, else that of the shown bilan's school
  // year (the latest enrolment otherwise); for a class's PDF, that class.
  const byDate =
    'apprenantId' in scope
      ? enrolledClassId(
          'a',
          sql`(select b.date from bilans b
                where b.apprenant_id = a.id
                  ${scope.bilanId ? sql`and b.id = ${scope.bilanId}` : sql``}
                order by ${bilanOrder('b', 'latest')} limit 1)`,
        )
      : null;
  const enrolment =
    'apprenantId' in scope
      ? scope.classeId
        ? sql`select coalesce((select i.classe_id from inscriptions i
                                where i.apprenant_id = a.id and i.classe_id = ${scope.classeId}),
                              ${byDate}) as classe_id`
        : sql`select ${byDate} as classe_id`
      : sql`select i.classe_id from inscriptions i
             where i.apprenant_id = a.id and i.classe_id = ${scope.classeId}`;
  const filter =
    'apprenantId' in scope
      ? sql`a.id = ${scope.apprenantId}`
      : sql`exists (select 1 from inscriptions i
                     where i.classe_id = ${scope.classeId} and i.apprenant_id = a.id
                       and ${stillEnrolled('i')})
             ${scope.apprenantIds ? sql`and a.id = any(${arrayLiteral(scope.apprenantIds)}::uuid[])` : sql``}`;
  // A class's document stops at the end of the class's school year.
  const until = 'apprenantId' in scope ? sql`` : sql`and b.date < ${schoolYearEnd('c')}`;
  const selection = withSelection
    ? sql`(select json_agg(json_build_object('id', c2.id, 'nom', c2.nom, 'anneeScolaire', c2.annee_scolaire))
              from classes c2 where c2.etablissement_id = ${etablissementId}) as classes,
           (select json_agg(json_build_object('id', a2.id, 'nom', a2.nom, 'prenom', a2.prenom))
              from inscriptions i2 join apprenants a2 on a2.id = i2.apprenant_id
             where i2.classe_id = c.id and ${stillEnrolled('i2')}
               and a2.etablissement_id = ${etablissementId}) as apprenants`
    : sql`null as classes, null as apprenants`;
  const result = await db.execute(sql`
    select a.id as apprenant_id, a.nom, a.prenom, a.ine,
           c.id as classe_id, c.nom as classe_nom, c.annee_scolaire,
           c.referentiel_id as classe_referentiel_id, e.nom as etablissement_nom,
           ${selection},
           -- Every term of the establishment: each bilan date says its own (« T2 »), and
           -- those not closed are where PRONOTE reads.
           (select json_agg(json_build_object('libelle', p.libelle,
                                              'debut', to_char(p.debut, 'YYYY-MM-DD'),
                                              'fin', to_char(p.fin, 'YYYY-MM-DD'),
                                              'cloture', to_char(p.cloture, 'YYYY-MM-DD')))
              from periodes p where p.etablissement_id = ${etablissementId}) as periodes,
           -- The pupil's class of each school year: the banner groups dates by year and class.
           (select json_agg(json_build_object('nom', c3.nom, 'anneeScolaire', c3.annee_scolaire))
              from inscriptions i3 join classes c3 on c3.id = i3.classe_id
             where i3.apprenant_id = a.id) as inscriptions,
           (select json_agg(json_build_object(
                     'id', r.id, 'code', r.code, 'sigle', r.sigle, 'libelle', r.libelle,
                     'version', r.version,
                     'competences', (select json_agg(json_build_object('id', k.id, 'code', k.code,
                                              'equivalence', k.equivalence, 'libelle', k.libelle)
                                            order by k.rang)
                                       from competences k where k.referentiel_id = r.id)))
              from referentiels r
             where r.id = c.referentiel_id
                or r.id in (select b.referentiel_id from bilans b where b.apprenant_id = a.id)
           ) as referentiels,
           (select json_agg(json_build_object(
                     'id', b.id, 'date', b.date, 'constats', b.constats, 'conseils', b.conseils,
                     'valideLe', b.valide_le, 'referentielId', b.referentiel_id,
                     'notes', (select json_agg(json_build_object('libelle', n.libelle, 'valeur', n.valeur,
                                                                 'coefficient', n.coefficient)
                                               order by n.libelle)
                                 from notes n where n.bilan_id = b.id),
                     'luParPronoteLe', (select l.derniere_lecture from pronote_bilans_lus l where l.bilan_id = b.id),
                     'niveaux', (select json_object_agg(p.competence_id, p.niveau)
                                   from positionnements p where p.bilan_id = b.id))
                            order by ${bilanOrder('b')})
              from bilans b where b.apprenant_id = a.id ${until}) as bilans
      from apprenants a
      join lateral (${enrolment}) ic on true
      join classes c on c.id = ic.classe_id and c.etablissement_id = ${etablissementId}
      join etablissements e on e.id = a.etablissement_id
     where a.etablissement_id = ${etablissementId} and ${filter}
  `);
  return parseRows(result, rawPage);
}

/**
 * The view of a pupil's bilan page for a teacher of `etablissementId`: the latest bilan when
 * `bilanId` is null. Null (→ 404) for a malformed id, a pupil of another establishment, or a
 * bilan that is not this pupil's.
 */
export async function getBilanPage(
  db: Database,
  etablissementId: string,
  apprenantId: string,
  bilanId: string | null = null,
  /**
   * `selection`: false for the print page (it shows no class or pupil selector, so it need
   * not read them). `classeId`: the class the teacher came from, kept selected when the
   * pupil was enrolled in it (its list, its arrows, its school year's latest bilan).
   */
  options: { selection: boolean; classeId?: string | null } = { selection: true },
): Promise<BilanPageView | null> {
  if (!isUuid(apprenantId) || (bilanId !== null && !isUuid(bilanId)) || !isUuid(etablissementId))
    return null;
  const classeId = options.classeId && isUuid(options.classeId) ? options.classeId : null;
  const [raw] = await fetchRawPages(
    db,
    etablissementId,
    { apprenantId, bilanId, classeId },
    options.selection,
  );
  if (!raw) return null;
  // Opened from that class: its school year's latest bilan, unless one is asked for.
  const year = classeId && raw.classe_id === classeId ? raw.annee_scolaire : null;
  return buildBilanPageView(raw, bilanId, year);
}
