// /administration/enseignants/import/<importId>: what the teachers' CSV would change —
// accounts created, renamed, reactivated, ENT identities linked, teachers absent from the
// file — and, for each probable duplicate (a new e-mail under the name of a teacher already
// here), the administrator's choice: link it to that account or create one. « Appliquer »
// writes the plan computed again at that moment, with those choices; nothing before.
import type { ActionState } from '@/lib/actions/state';
import {
  CREER,
  doublonField,
  type DoublonProbable,
} from '@/lib/administration/enseignants/doublons';
import type { EnseignantsPlan } from '@/lib/administration/enseignants/import';
import { compte } from '@/lib/common/pluriel';
import { ActionForm } from '@/lib/ui/forms/action-form';
import { RadioField } from '@/lib/ui/forms/radio-field';
import { ApplyFooter } from './apply-footer';
import { PeopleList, ProblemList } from './people-list';
import { Section } from './section';

const line = (l: { nom: string; prenom: string; courriel: string }) =>
  `${l.nom} ${l.prenom} <${l.courriel}>`;

function DoublonChoice({ doublon: d }: { doublon: DoublonProbable }) {
  const l = d.ligne;
  return (
    <RadioField
      name={doublonField(l.ligne)}
      legend={`Ligne ${l.ligne} : ${line(l)}`}
      options={[
        ...d.comptes.map((c) => ({
          value: c.id,
          label: `Lier au compte existant ${c.nom} ${c.prenom} <${c.email}>${c.actif ? '' : ' (désactivé, il sera réactivé)'} : c’est la même personne`,
        })),
        { value: CREER, label: `Créer un nouveau compte pour ${l.courriel}` },
      ]}
    />
  );
}

export function EnseignantsPreview({
  page,
  apply,
}: {
  page: { lignes: number; plan: EnseignantsPlan };
  apply: (state: ActionState, form: FormData) => Promise<ActionState>;
}) {
  const { plan } = page;
  return (
    <main className="mx-auto max-w-6xl px-4 py-6">
      <h1 className="text-2xl font-bold">Aperçu de l’import des enseignants</h1>
      <p className="mt-2 text-slate-700">
        {compte(page.lignes, 'enseignant', 'enseignants')} dans le fichier. Rien n’a encore été
        modifié.
      </p>
      <ProblemList
        tone="erreur"
        title="Erreurs : corrigez le fichier, puis déposez-le de nouveau"
        items={plan.erreurs}
      />
      <Section id="resume" title="Ce que l’import changera">
        <ul className="list-disc space-y-1 pl-6 text-slate-800">
          <li>{compte(plan.nouveaux.length, 'compte créé', 'comptes créés')}</li>
          {plan.doublons.length > 0 && (
            <li>
              {compte(
                plan.doublons.length,
                'doublon probable à décider',
                'doublons probables à décider',
              )}{' '}
              (ci-dessous)
            </li>
          )}
          <li>{compte(plan.modifies.length, 'compte renommé', 'comptes renommés')}</li>
          <li>{compte(plan.reactives.length, 'compte réactivé', 'comptes réactivés')}</li>
          <li>
            {compte(plan.identites.length, 'identité ENT liée', 'identités ENT liées')} à un compte
            existant
          </li>
          <li>{compte(plan.inchanges, 'compte inchangé', 'comptes inchangés')}</li>
        </ul>
        <PeopleList summary={`Créés (${plan.nouveaux.length})`} items={plan.nouveaux.map(line)} />
        <PeopleList
          summary={`Renommés (${plan.modifies.length})`}
          items={plan.modifies.map((l) => `${l.avant} → ${line(l)}`)}
        />
        <PeopleList
          summary={`Réactivés (${plan.reactives.length})`}
          items={plan.reactives.map(line)}
        />
        <PeopleList
          summary={`Identités ENT (${plan.identites.length})`}
          items={plan.identites.map((l) => `${line(l)} : ${l.identifiantEnt ?? ''}`)}
        />
        {plan.absents.length > 0 && (
          <>
            <p className="mt-4 text-slate-800">
              {compte(plan.absents.length, 'enseignant actif absent', 'enseignants actifs absents')}{' '}
              du fichier : leur compte reste actif ; désactivez-le depuis la liste des comptes s’ils
              ont quitté l’établissement.
            </p>
            <PeopleList
              summary={`Absents du fichier (${plan.absents.length})`}
              items={plan.absents.map((a) => `${a.nom} ${a.prenom} <${a.email}>`)}
            />
          </>
        )}
      </Section>
      <ActionForm action={apply} label="Appliquer l’import des enseignants">
        {plan.doublons.length > 0 && (
          <Section id="doublons" title="Doublons probables : à vous de décider">
            <p className="max-w-prose text-slate-800">
              Ces lignes ont un courriel inconnu du module, mais le nom et le prénom d’un enseignant
              qui y a déjà un compte. Si c’est la même personne (son adresse a changé), liez la
              ligne à son compte : il garde ses équipes, ses bilans et son courriel de connexion, et
              les prochains imports le reconnaîtront sous la nouvelle adresse. Sinon, créez un
              nouveau compte. Rien n’est créé sans votre choix.
            </p>
            {plan.doublons.map((d) => (
              <DoublonChoice key={d.ligne.ligne} doublon={d} />
            ))}
          </Section>
        )}
        <ApplyFooter
          canApply={plan.erreurs.length === 0}
          cancelHref="/administration/enseignants"
          cancelLabel="Annuler"
        />
      </ActionForm>
    </main>
  );
}
