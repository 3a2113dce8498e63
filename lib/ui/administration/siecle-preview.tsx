// /administration/siecle/<importId>: what the SIECLE export would change — new pupils, pupils
// updated, moved or gone, each division's referential (known from its class or its MEF, or
// chosen here) — and « Appliquer », which writes the plan computed again at that moment.
import type { ActionState } from '@/lib/actions/state';
import type {
  ImportPlan,
  OrigineReferentiel,
  ReferentielConnu,
} from '@/lib/administration/siecle/plan';
import { CHOIX_PREFIX } from '@/lib/administration/siecle/plan';
import { formatDateFr } from '@/lib/common/dates';
import { compte } from '@/lib/common/pluriel';
import { ActionForm } from '@/lib/ui/forms/action-form';
import { AdminTable } from './admin-table';
import { ApplyFooter } from './apply-footer';
import { PeopleList, ProblemList } from './people-list';
import { INPUT, Section, TD } from './section';

const ORIGINE: Record<OrigineReferentiel, string> = {
  classe: 'classe existante',
  mef: 'MEF connu',
  choix: 'votre choix',
  'a-choisir': 'à choisir',
};

const nom = (p: { nom: string; prenom: string; ine: string | null }) =>
  `${p.nom} ${p.prenom}${p.ine ? ` (${p.ine})` : ''}`;

export function SieclePreview({
  page,
  apply,
}: {
  page: { uaj: string; eleves: number; plan: ImportPlan; referentiels: ReferentielConnu[] };
  apply: (state: ActionState, form: FormData) => Promise<ActionState>;
}) {
  const { plan } = page;
  const problems = plan.erreurs;
  const canApply = problems.length === 0;
  return (
    <main className="mx-auto max-w-6xl px-4 py-6">
      <h1 className="text-2xl font-bold">Aperçu de l’import SIECLE</h1>
      <p className="mt-2 text-slate-700">
        Fichier de l’établissement {page.uaj}, année scolaire {plan.anneeScolaire} :{' '}
        {compte(page.eleves, 'élève', 'élèves')}. Rien n’a encore été modifié.
      </p>
      <ProblemList
        tone="erreur"
        title="Erreurs : corrigez le fichier dans SIECLE, puis déposez-le de nouveau"
        items={problems}
      />
      <ProblemList tone="avertissement" title="Avertissements" items={plan.avertissements} />

      <Section id="resume" title="Ce que l’import changera">
        <ul className="list-disc space-y-1 pl-6 text-slate-800">
          <li>{compte(plan.nouveaux.length, 'nouvel apprenant', 'nouveaux apprenants')}</li>
          <li>
            {compte(plan.modifies.length, 'apprenant mis à jour', 'apprenants mis à jour')} (nom,
            prénom ou INE)
          </li>
          <li>{compte(plan.deplaces.length, 'changement de classe', 'changements de classe')}</li>
          <li>{compte(plan.sortis.length, 'sortie', 'sorties')} de l’établissement</li>
          <li>{compte(plan.inchanges, 'apprenant inchangé', 'apprenants inchangés')}</li>
          {plan.ignores > 0 && (
            <li>
              {compte(
                plan.ignores,
                'élève sorti jamais importé : ignoré',
                'élèves sortis jamais importés : ignorés',
              )}
            </li>
          )}
        </ul>
        <PeopleList
          summary={`Nouveaux (${plan.nouveaux.length})`}
          items={plan.nouveaux.map((p) => `${nom(p)} → ${p.division ?? 'sans division'}`)}
        />
        <PeopleList
          summary={`Mis à jour (${plan.modifies.length})`}
          items={plan.modifies.map((p) => `${p.avant} → ${nom(p)}`)}
        />
        <PeopleList
          summary={`Changements de classe (${plan.deplaces.length})`}
          items={plan.deplaces.map(
            (p) => `${nom(p)} : ${p.de ?? 'aucune classe'} → ${p.division} ${plan.anneeScolaire}`,
          )}
        />
        <PeopleList
          summary={`Sorties (${plan.sortis.length})`}
          items={plan.sortis.map((p) => `${nom(p)}, sortie le ${formatDateFr(p.dateSortie)}`)}
        />
      </Section>

      <ActionForm action={apply} label="Appliquer l’import SIECLE">
        <Section id="divisions" title="Divisions et référentiels">
          <AdminTable
            caption={'Divisions du fichier, leur MEF, leur effectif et leur référentiel'}
            columns={['Division', 'MEF', 'Apprenants', 'Référentiel']}
          >
            <tbody>
              {plan.divisions.map((d) => (
                <tr key={d.code}>
                  <th scope="row" className={`${TD} font-medium`}>
                    {d.code}
                  </th>
                  <td className={TD}>{d.mefs.join(', ') || '—'}</td>
                  <td className={TD}>{d.effectif}</td>
                  <td className={TD}>
                    {d.origine === 'classe' || d.origine === 'mef' ? (
                      `${d.referentiel?.libelle ?? ''} (${ORIGINE[d.origine]})`
                    ) : (
                      <>
                        <label htmlFor={`ref-${d.code}`} className="sr-only">
                          Référentiel de la division {d.code}
                        </label>
                        <select
                          id={`ref-${d.code}`}
                          name={`${CHOIX_PREFIX}${d.code}`}
                          required
                          defaultValue={d.referentiel?.id ?? ''}
                          className={INPUT}
                        >
                          <option value="" disabled>
                            Choisir le référentiel…
                          </option>
                          {page.referentiels.map((r) => (
                            <option key={r.id} value={r.id}>
                              {r.libelle}
                            </option>
                          ))}
                        </select>{' '}
                        <span className="text-sm text-slate-700">
                          ({ORIGINE[d.origine]} : MEF inconnu, choix mémorisé)
                        </span>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </AdminTable>
        </Section>
        <ApplyFooter
          canApply={canApply}
          cancelHref="/administration/siecle"
          cancelLabel="Annuler et déposer un autre fichier"
        />
      </ActionForm>
    </main>
  );
}
