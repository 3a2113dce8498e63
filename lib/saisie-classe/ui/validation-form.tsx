'use client';
// « Valider… » under the grid: the complete drafts (every competence positioned, constats or
// conseils written, nothing pending), all chosen by default; the others listed with what they
// lack and a link to « Rédiger un bilan ». « Valider… » shows the list to confirm (« 23 bilans
// seront validés et ne pourront plus être modifiés »); « Confirmer la validation » validates
// each on its own (lib/saisie-classe/actions.ts): one refused is named with its reason.
import { ActionForm, useActionAnswer } from '@/lib/ui/forms/action-form';
import { SubmitButton } from '@/lib/ui/forms/submit-button';
import { redactionPath } from '@/lib/http/paths';
import { unsaved } from './model';
import type { CompetenceColonne, FormAction, Row } from './rows';

const PRIMARY =
  'rounded-md bg-blue-800 px-4 py-2 font-semibold text-white hover:bg-blue-900 disabled:opacity-60';
const SECONDARY =
  'rounded-md border border-blue-700 bg-white px-4 py-2 font-semibold text-blue-800 hover:bg-blue-50';

function missing(row: Row, competences: CompetenceColonne[]): string | null {
  if (row.saisie.etat !== 'brouillon') return null;
  const parts: string[] = [];
  const absent = competences.filter((k) => !row.saisie.niveaux[k.code]).length;
  if (absent > 0)
    parts.push(`${absent} ${absent === 1 ? 'compétence' : 'compétences'} à positionner`);
  if (!row.texte) parts.push('constats ou conseils à écrire');
  if (unsaved(row.saisie)) parts.push('modifications pas encore enregistrées');
  return parts.length > 0 ? parts.join(', ') : '';
}

function Choices({ competences, rows }: { competences: CompetenceColonne[]; rows: Row[] }) {
  const answer = useActionAnswer();
  const drafts = rows.filter((r) => r.saisie.etat === 'brouillon');
  const complete = drafts.filter((r) => missing(r, competences) === '');
  const incomplete = drafts.filter((r) => missing(r, competences) !== '');
  const chosen = answer.confirmer
    ? complete.filter((r) => answer.saisie?.[`valider:${r.id}`] !== undefined)
    : [];
  const value = (r: Row) => `${r.saisie.base.source}|${r.saisie.base.version}`;
  if (answer.confirmer) {
    return (
      <div className="rounded-md border border-amber-400 bg-amber-50 p-3">
        <p className="font-semibold" role="status">
          {answer.message}
        </p>
        <ul className="mt-1 list-disc pl-6">
          {chosen.map((r) => (
            <li key={r.id}>
              {r.nom} {r.prenom}
              <input
                type="hidden"
                name={`valider:${r.id}`}
                value={answer.saisie?.[`valider:${r.id}`]}
              />
            </li>
          ))}
        </ul>
        <div className="mt-2 flex flex-wrap gap-2">
          <SubmitButton
            className={PRIMARY}
            name="intent"
            value="confirmer"
            pendingLabel="Validation…"
          >
            Confirmer la validation
          </SubmitButton>
          <SubmitButton className={SECONDARY} name="intent" value="annuler">
            Annuler
          </SubmitButton>
        </div>
      </div>
    );
  }
  const refused = Object.entries(answer.champs ?? {}).filter(([name]) =>
    name.startsWith('valider:'),
  );
  return (
    <div key={answer.envoi ?? 0}>
      {answer.status === 'ok' && answer.message && (
        <p
          role="status"
          className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-green-900"
        >
          {answer.message}
        </p>
      )}
      {refused.length > 0 && (
        <ul className="mt-1 list-disc pl-6 text-sm text-red-900">
          {refused.map(([name, reason]) => {
            const row = rows.find((r) => `valider:${r.id}` === name);
            return (
              <li key={name}>
                {row ? `${row.nom} ${row.prenom}` : 'Un élève'} : {reason}
              </li>
            );
          })}
        </ul>
      )}
      {complete.length === 0 ? (
        <p className="mt-1 text-slate-700">Aucun brouillon complet à valider pour le moment.</p>
      ) : (
        <fieldset className="mt-2">
          <legend className="font-medium">
            Brouillons complets ({complete.length}) : cochez ceux à valider
          </legend>
          <ul className="mt-1 grid gap-1 sm:grid-cols-2">
            {complete.map((r) => (
              <li key={r.id} className="flex items-center gap-2">
                <input
                  id={`valider-${r.id}`}
                  type="checkbox"
                  name={`valider:${r.id}`}
                  value={value(r)}
                  defaultChecked
                  className="h-5 w-5"
                />
                <label htmlFor={`valider-${r.id}`}>
                  {r.nom} {r.prenom}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      {incomplete.length > 0 && (
        <details className="mt-2">
          <summary className="cursor-pointer">
            {incomplete.length}{' '}
            {incomplete.length === 1 ? 'brouillon incomplet' : 'brouillons incomplets'}
          </summary>
          <ul className="mt-1 list-disc pl-6 text-sm">
            {incomplete.map((r) => (
              <li key={r.id}>
                <a href={redactionPath(r.id)} className="text-blue-800 underline">
                  {r.nom} {r.prenom}
                </a>{' '}
                : {missing(r, competences)}
              </li>
            ))}
          </ul>
        </details>
      )}
      {complete.length > 0 && (
        <div className="mt-2">
          <SubmitButton className={PRIMARY} name="intent" value="valider">
            Valider…
          </SubmitButton>
        </div>
      )}
    </div>
  );
}

export function ValidationForm({
  action,
  competences,
  rows,
}: {
  action: FormAction;
  competences: CompetenceColonne[];
  rows: Row[];
}) {
  return (
    <section
      aria-labelledby="validation-titre"
      className="mt-6 rounded-lg border border-slate-200 bg-white p-3"
    >
      <h2 id="validation-titre" className="text-lg font-semibold">
        Valider des bilans
      </h2>
      <p className="text-sm text-slate-700">
        Un bilan validé est archivé : il ne peut plus être modifié, et PRONOTE le lit.
      </p>
      <ActionForm action={action} label="Valider des bilans">
        <Choices competences={competences} rows={rows} />
      </ActionForm>
    </section>
  );
}
