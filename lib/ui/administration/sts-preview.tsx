// /administration/sts/<importId>: what the STS-Web file would change in the teams — per
// division its teachers (and the account each is), who joins and who leaves — and what the
// module cannot do for the administrator (individuals without an account, ambiguous names,
// unknown divisions). « Appliquer » writes exactly the plan computed again at that moment.
import { AdminTable } from './admin-table';
import type { ActionState } from '@/lib/actions/state';
import type { PersonneSts, StsPlan } from '@/lib/administration/sts/plan';
import { changesNothing } from '@/lib/administration/sts/plan';
import { ActionForm } from '@/lib/ui/forms/action-form';
import { ApplyFooter } from './apply-footer';
import { ProblemList } from './people-list';
import { Section, TD } from './section';
import { compte } from '@/lib/common/pluriel';

const nom = (p: PersonneSts) => `${p.nom} ${p.prenom}`;

export function StsPreview({
  page,
  apply,
}: {
  page: { uaj: string; individus: number; plan: StsPlan };
  apply: (state: ActionState, form: FormData) => Promise<ActionState>;
}) {
  const { plan } = page;
  const w = plan.ecritures;
  const avertissements = [
    ...(plan.nonReconnus.length > 0
      ? [
          `Sans compte dans le module (créez-le dans « Enseignants », puis importez de nouveau) : ${plan.nonReconnus.map(nom).join(', ')}.`,
        ]
      : []),
    ...plan.ambigus,
    ...(plan.desactives.length > 0
      ? [`Comptes désactivés, non ajoutés : ${plan.desactives.map(nom).join(', ')}.`]
      : []),
    ...(plan.divisionsInconnues.length > 0
      ? [
          `Divisions sans classe pour ${plan.anneeScolaire} (importez SIECLE d’abord), ignorées : ${plan.divisionsInconnues.join(', ')}.`,
        ]
      : []),
  ];
  return (
    <main className="mx-auto max-w-6xl px-4 py-6">
      <h1 className="text-2xl font-bold">Aperçu de l’import STS-Web</h1>
      <p className="mt-2 text-slate-700">
        Fichier de l’établissement {page.uaj}, année scolaire {plan.anneeScolaire} :{' '}
        {compte(page.individus, 'personne', 'personnes')} en fonction. Rien n’a encore été modifié.
      </p>
      <ProblemList tone="avertissement" title="À savoir avant d’appliquer" items={avertissements} />
      <Section id="resume" title="Ce que l’import changera">
        {changesNothing(plan) ? (
          <p className="text-slate-800">Rien : les équipes correspondent déjà au fichier.</p>
        ) : (
          <ul className="list-disc space-y-1 pl-6 text-slate-800">
            <li>{compte(w.ajouts.length, 'ajout', 'ajouts')} aux équipes</li>
            <li>
              {compte(w.retraits.length, 'retrait', 'retraits')} d’enseignants qui n’y ont plus de
              service
            </li>
            <li>
              {compte(w.identifiants.length, 'compte rattaché', 'comptes rattachés')} à leur
              identifiant STS
            </li>
          </ul>
        )}
      </Section>
      <Section id="divisions" title="Divisions et enseignants">
        <AdminTable
          caption="Enseignants de chaque division selon STS-Web, et les changements"
          columns={['Division', 'Enseignants (STS-Web)', 'Ajoutés', 'Retirés']}
        >
          <tbody>
            {plan.divisions.map((d) => (
              <tr key={d.code}>
                <th scope="row" className={`${TD} font-medium`}>
                  {d.code}
                </th>
                <td className={TD}>
                  {d.enseignants.length === 0
                    ? '—'
                    : d.enseignants
                        .map((e) => (e.compte ? nom(e) : `${nom(e)} (sans compte)`))
                        .join(', ')}
                </td>
                <td className={TD}>{d.ajoutes.map((p) => `+ ${nom(p)}`).join(', ') || '—'}</td>
                <td className={TD}>{d.retires.map((p) => `− ${nom(p)}`).join(', ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </AdminTable>
      </Section>
      <ActionForm action={apply} label="Appliquer l’import STS-Web">
        <ApplyFooter
          canApply
          cancelHref="/administration/sts"
          cancelLabel="Annuler et déposer un autre fichier"
        />
      </ActionForm>
    </main>
  );
}
