// /administration/classes: this year's classes, each with its team (the teachers who write its
// pupils' bilans), a form to add a teacher and one to remove each. Every form is a Server
// Action's (lib/administration/actions/equipes.ts); teams also come from STS-Web.
import Link from 'next/link';
import type { ActionState } from '@/lib/actions/state';
import type { ClasseEquipe } from '@/lib/administration/equipes';
import { ActionForm } from '@/lib/ui/forms/action-form';
import { SelectField } from '@/lib/ui/forms/select-field';
import { SubmitButton } from '@/lib/ui/forms/submit-button';
import { DoneMessage } from './done-message';
import { BUTTON_SECONDARY, Section } from './section';
import { compte } from '@/lib/common/pluriel';

type AddAction = (classeId: string, state: ActionState, form: FormData) => Promise<ActionState>;
type RemoveAction = (
  classeId: string,
  utilisateurId: string,
  state: ActionState,
  form: FormData,
) => Promise<ActionState>;

const MESSAGES = {
  ajoute: 'Enseignant ajouté à l’équipe.',
  retire: 'Enseignant retiré de l’équipe.',
  introuvable: 'Cette classe n’existe pas dans votre établissement.',
  sts: 'Import STS-Web appliqué : les équipes sont à jour.',
};

const ORIGINE: Record<string, string> = { sts: 'STS-Web', administration: 'ajouté ici' };

export function ClassesPage({
  page,
  actions,
}: {
  page: {
    fait: string | null;
    anneeScolaire: string;
    classes: ClasseEquipe[];
    enseignants: { id: string; nom: string; prenom: string }[];
  };
  actions: { add: AddAction; remove: RemoveAction };
}) {
  return (
    <main className="mx-auto max-w-6xl px-4 py-6">
      <h1 className="text-2xl font-bold">Classes et équipes pédagogiques</h1>
      <DoneMessage fait={page.fait} messages={MESSAGES} />
      <p className="mt-2 max-w-prose text-slate-700">
        Les enseignants de l’équipe d’une classe rédigent les bilans de ses élèves ; tous les
        enseignants de l’établissement les lisent. Les équipes viennent de l’import STS-Web (
        <Link className="text-blue-800 underline" href="/administration/sts">
          Import STS-Web
        </Link>
        ) ou se complètent ici.
      </p>
      {page.classes.length === 0 && (
        <p className="mt-6 text-slate-700">
          Aucune classe pour l’année {page.anneeScolaire} : importez d’abord SIECLE.
        </p>
      )}
      {page.classes.map((c) => {
        const others = page.enseignants.filter((e) => !c.enseignants.some((m) => m.id === e.id));
        return (
          <Section key={c.id} id={`classe-${c.id}`} title={`${c.nom} (${c.anneeScolaire})`}>
            <p className="text-sm text-slate-700">
              {compte(c.effectif, 'élève inscrit', 'élèves inscrits')}.
            </p>
            {c.enseignants.length === 0 ? (
              <p className="mt-2 font-medium text-amber-900">
                Aucun enseignant dans l’équipe : personne ne peut rédiger les bilans de cette
                classe.
              </p>
            ) : (
              <ul className="mt-2 space-y-2" aria-label={`Équipe de ${c.nom}`}>
                {c.enseignants.map((e) => (
                  <li key={e.id} className="flex flex-wrap items-center gap-3">
                    <span>
                      {e.nom} {e.prenom}{' '}
                      <span className="text-sm text-slate-700">({ORIGINE[e.origine]})</span>
                    </span>
                    <ActionForm
                      action={actions.remove.bind(null, c.id, e.id)}
                      label={`Retirer ${e.prenom} ${e.nom} de l’équipe de ${c.nom}`}
                    >
                      <SubmitButton className={BUTTON_SECONDARY}>
                        Retirer
                        <span className="sr-only">
                          {' '}
                          {e.prenom} {e.nom} de l’équipe de {c.nom}
                        </span>
                      </SubmitButton>
                    </ActionForm>
                  </li>
                ))}
              </ul>
            )}
            {others.length > 0 && (
              <ActionForm
                action={actions.add.bind(null, c.id)}
                label={`Ajouter un enseignant à l’équipe de ${c.nom}`}
                className="mt-3 flex flex-wrap items-end gap-2"
              >
                <SelectField
                  id={`enseignant-${c.id}`}
                  name="enseignant"
                  label={`Enseignant à ajouter à ${c.nom}`}
                  options={others.map((e) => ({ value: e.id, label: `${e.nom} ${e.prenom}` }))}
                />
                <SubmitButton className={BUTTON_SECONDARY}>
                  Ajouter<span className="sr-only"> à l’équipe de {c.nom}</span>
                </SubmitButton>
              </ActionForm>
            )}
          </Section>
        );
      })}
    </main>
  );
}
