'use client';
// The class's grid as a form, for a browser without JavaScript (and before it runs): one
// fieldset per pupil, a labelled select per competence, one « Enregistrer » for all — each
// changed row saved as its pupil's draft (lib/saisie-classe/actions.ts's saveGrid). On a
// phone the selects of a pupil wrap into a list. A row refused or changed meanwhile keeps what
// was typed, its reason beside it (and their levels).
import { NIVEAUX, NIVEAU_INFOS } from '@/lib/bilans/niveaux';
import { ActionForm, useActionAnswer } from '@/lib/ui/forms/action-form';
import { SubmitButton } from '@/lib/ui/forms/submit-button';
import { levelsKey, parseLevelsKey } from './fields';
import { rowState, symbole, type Row, type CompetenceColonne, type FormAction } from './rows';

const PRIMARY =
  'rounded-md bg-blue-800 px-4 py-2 font-semibold text-white hover:bg-blue-900 disabled:opacity-60';

function Rows({ competences, rows }: { competences: CompetenceColonne[]; rows: Row[] }) {
  const answer = useActionAnswer();
  const typed = answer.saisie;
  // Drawn again after each answer, with what was typed (defaultValue).
  return (
    <div key={answer.envoi ?? 0} className="flex flex-col gap-3">
      {rows.map((row) => {
        const id = row.id;
        const valide = row.saisie.etat === 'valide';
        const error = answer.champs?.[`ligne:${id}`];
        const leur = typed?.[`leur:${id}`];
        const theirs = leur !== undefined ? parseLevelsKey(leur) : null;
        const value = (code: string) =>
          typed ? (typed[`niveau:${id}:${code}`] ?? '') : (row.saisie.niveaux[code] ?? '');
        return (
          <fieldset
            key={id}
            className={`rounded-lg border bg-white p-2 ${error ? 'border-red-700' : 'border-slate-200'}`}
            aria-describedby={error ? `ligne-${id}-erreur` : undefined}
            data-apprenant={id}
          >
            <legend className="px-1 font-semibold">
              {row.nom} {row.prenom}{' '}
              <span className="font-normal text-slate-700">
                — {rowState(row, competences.length)}
              </span>
            </legend>
            {!valide && (
              <>
                <input
                  type="hidden"
                  name={`source:${id}`}
                  value={typed?.[`source:${id}`] ?? row.source}
                />
                <input
                  type="hidden"
                  name={`version:${id}`}
                  value={typed?.[`version:${id}`] ?? String(row.version)}
                />
                <input
                  type="hidden"
                  name={`avant:${id}`}
                  value={typed?.[`avant:${id}`] ?? levelsKey(row.niveaux)}
                />
              </>
            )}
            {error && (
              <p id={`ligne-${id}-erreur`} className="text-sm font-medium text-red-800">
                {error}
              </p>
            )}
            <div className="grid grid-cols-2 gap-2 sm:grid-cols-[repeat(auto-fill,minmax(6.5rem,1fr))]">
              {competences.map((k) => {
                const field = `niveau-${id}-${k.code}`;
                return (
                  <div key={k.code} className="flex flex-col">
                    <label htmlFor={field} className="text-xs" title={k.libelle}>
                      <strong>{k.code}</strong>
                      <span className="sr-only">
                        {' '}
                        — {k.libelle}, {row.nom} {row.prenom}
                      </span>
                    </label>
                    <select
                      id={field}
                      name={valide ? undefined : `niveau:${id}:${k.code}`}
                      defaultValue={value(k.code)}
                      disabled={valide}
                      className="rounded border border-slate-400 p-1"
                    >
                      <option value="">—</option>
                      {NIVEAUX.map((n) => (
                        <option key={n} value={n}>
                          {NIVEAU_INFOS[n].symbole} {NIVEAU_INFOS[n].signification}
                        </option>
                      ))}
                    </select>
                    <span className="text-xs text-slate-700">
                      précédent : {symbole(row.precedent[k.code]) || 'aucun'}
                      {theirs && (theirs[k.code] ?? '') !== value(k.code) && (
                        <strong className="block text-amber-900">
                          leur : {symbole(theirs[k.code]) || 'vide'}
                        </strong>
                      )}
                    </span>
                  </div>
                );
              })}
            </div>
          </fieldset>
        );
      })}
    </div>
  );
}

function Done() {
  const answer = useActionAnswer();
  if (answer.status !== 'ok' || !answer.message) return null;
  return (
    <p
      role="status"
      className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-green-900"
    >
      {answer.message}
    </p>
  );
}

export function GrilleFormulaire({
  action,
  competences,
  rows,
}: {
  action: FormAction;
  competences: CompetenceColonne[];
  rows: Row[];
}) {
  return (
    <ActionForm action={action} label="Saisie des positionnements" className="flex flex-col gap-3">
      <Done />
      <Rows competences={competences} rows={rows} />
      <div>
        <SubmitButton className={PRIMARY} pendingLabel="Enregistrement…">
          Enregistrer
        </SubmitButton>
      </div>
    </ActionForm>
  );
}
