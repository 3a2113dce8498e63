'use client';
// « Rédiger un bilan »: the date, one fieldset per competence (five radios whose names begin
// with the level's symbol, then its words; the previous bilan's level beside), constats and
// conseils with their counters, the marks' rows, then « Enregistrer le brouillon » and
// « Valider le bilan » — and, after the latter, the confirmation. One form, one Server Action
// (lib/redaction/actions.ts): every button is a submit with its `intent`, so the whole form
// works without JavaScript; with it, the answer updates the form in place. A refusal puts
// each problem beside its field and the focus on the first; a colleague's newer version is
// shown beside yours, yours still in the form.
import { useState } from 'react';
import type { ActionState } from '@/lib/actions/state';
import { NIVEAU_INFOS, NIVEAUX } from '@/lib/bilans/niveaux';
import type { CompetenceForm } from './competence-form';
import { ActionForm, useActionAnswer } from '@/lib/ui/forms/action-form';
import { SubmitButton } from '@/lib/ui/forms/submit-button';
import { BUTTON, BUTTON_SECONDARY, INPUT } from '@/lib/ui/administration/section';
import { OtherVersion } from './other-version';

interface Props {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  /** « Rédiger le bilan de HUBERT Angie ». */
  label: string;
  competences: CompetenceForm[];
  /** The stored draft's fields (or a new one's): what the form shows before any answer. */
  initial: Record<string, string>;
  dateMin: string;
  dateMax: string;
  maxTexte: number;
  hasPrecedent: boolean;
}

export function RedactionForm(props: Props) {
  return (
    <ActionForm action={props.action} label={props.label} className="mt-4">
      <Fields {...props} />
    </ActionForm>
  );
}

function Fields({ competences, initial, dateMin, dateMax, maxTexte, hasPrecedent }: Props) {
  const answer = useActionAnswer();
  const values = answer.saisie ?? initial;
  const champs = answer.champs ?? {};
  const firstError = Object.keys(champs)[0];
  const lignes = Number(values.lignes ?? 0);
  // Drawn again after each answer, with what it holds (React resets a posted form).
  const key = answer.envoi ?? 0;
  return (
    <div key={key}>
      {answer.status === 'ok' && answer.message && !answer.confirmer && (
        <p
          role="status"
          className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-green-900"
        >
          {answer.message}
        </p>
      )}
      <input type="hidden" name="source" value={values.source ?? ''} />
      <input type="hidden" name="version" value={values.version ?? '0'} />
      <input type="hidden" name="lignes" value={String(lignes)} />

      {answer.confirmer ? <Confirmation message={answer.message} /> : null}

      <div className="mt-4 flex flex-col gap-1">
        <label htmlFor="date" className="font-medium">
          Date du bilan
        </label>
        <input
          id="date"
          name="date"
          type="date"
          required
          min={dateMin}
          max={dateMax}
          defaultValue={values.date ?? dateMax}
          aria-invalid={champs.date ? true : undefined}
          aria-describedby={champs.date ? 'date-erreur' : 'date-aide'}
          autoFocus={firstError === 'date'}
          className={`${INPUT} w-fit`}
        />
        <p id="date-aide" className="text-sm text-slate-700">
          Dans l’année scolaire, au plus tard aujourd’hui.
        </p>
        {champs.date && <FieldError id="date-erreur" text={champs.date} />}
      </div>

      <section aria-labelledby="positionnements-titre" className="mt-6">
        <h2 id="positionnements-titre" className="text-xl font-semibold">
          Positionnements
        </h2>
        {hasPrecedent && (
          <button
            type="submit"
            name="intent"
            value="reprendre"
            formNoValidate
            className={`${BUTTON_SECONDARY} mt-2`}
          >
            Reprendre les positionnements du bilan précédent
          </button>
        )}
        {competences.map((k) => (
          <CompetenceFieldset
            key={k.code}
            competence={k}
            value={values[`niveau:${k.code}`]}
            error={champs[`niveau:${k.code}`]}
            focus={firstError === `niveau:${k.code}`}
          />
        ))}
      </section>

      <section aria-labelledby="textes-titre" className="mt-6">
        <h2 id="textes-titre" className="text-xl font-semibold">
          Constats et conseils
        </h2>
        <TextArea
          name="constats"
          label="Constats"
          value={values.constats ?? ''}
          max={maxTexte}
          error={champs.constats}
          focus={firstError === 'constats'}
        />
        <TextArea
          name="conseils"
          label="Conseils"
          value={values.conseils ?? ''}
          max={maxTexte}
          error={champs.conseils}
          focus={firstError === 'conseils'}
        />
      </section>

      <Notes lignes={lignes} values={values} champs={champs} firstError={firstError} />

      <div className="mt-8 flex flex-wrap gap-3">
        <SubmitButton
          className={BUTTON_SECONDARY}
          pendingLabel="Enregistrement…"
          name="intent"
          value="enregistrer"
        >
          Enregistrer le brouillon
        </SubmitButton>
        <SubmitButton className={BUTTON} pendingLabel="Vérification…" name="intent" value="valider">
          Valider le bilan
        </SubmitButton>
      </div>
      {answer.autre && (
        <OtherVersion
          titre={answer.autre.titre}
          saisie={answer.autre.saisie}
          competences={competences}
        />
      )}
    </div>
  );
}

function FieldError({ id, text }: { id: string; text: string }) {
  return (
    <p id={id} className="text-sm font-medium text-red-800">
      {text}
    </p>
  );
}

function CompetenceFieldset({
  competence: k,
  value,
  error,
  focus,
}: {
  competence: CompetenceForm;
  value: string | undefined;
  error: string | undefined;
  focus: boolean;
}) {
  const id = `niveau-${k.code}`;
  return (
    <fieldset
      className={`mt-4 rounded-md border px-3 pb-3 ${error ? 'border-red-700' : 'border-slate-300'}`}
      aria-describedby={error ? `${id}-erreur` : undefined}
      data-invalide={error ? true : undefined}
    >
      <legend className="px-1 font-medium">
        {k.code} — {k.libelle}
      </legend>
      <div className="flex flex-wrap gap-x-4 gap-y-2">
        {NIVEAUX.map((niveau, i) => {
          const info = NIVEAU_INFOS[niveau];
          return (
            <label key={niveau} className="flex items-center gap-2">
              <input
                type="radio"
                name={`niveau:${k.code}`}
                value={niveau}
                defaultChecked={value === niveau}
                autoFocus={focus && i === 0}
                className="h-5 w-5"
              />
              <span
                className="inline-block min-w-8 rounded px-1.5 py-0.5 text-center font-bold"
                style={{ background: info.fond, color: info.texte }}
              >
                {niveau}
              </span>{' '}
              <span className="text-sm">{info.signification}</span>
            </label>
          );
        })}
      </div>
      <p className="mt-2 text-sm text-slate-700">
        {k.precedent ? `précédent : ${k.precedent}` : 'précédent : aucun'}
      </p>
      {error && <FieldError id={`${id}-erreur`} text={error} />}
    </fieldset>
  );
}

function TextArea({
  name,
  label,
  value,
  max,
  error,
  focus,
}: {
  name: string;
  label: string;
  value: string;
  max: number;
  error: string | undefined;
  focus: boolean;
}) {
  const [length, setLength] = useState(value.length);
  return (
    <div className="mt-4 flex flex-col gap-1">
      <label htmlFor={name} className="font-medium">
        {label}
      </label>
      <textarea
        id={name}
        name={name}
        rows={5}
        maxLength={max}
        defaultValue={value}
        onChange={(e) => setLength(e.target.value.length)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${name}-compteur${error ? ` ${name}-erreur` : ''}`}
        autoFocus={focus}
        className={`${INPUT} w-full`}
      />
      <p id={`${name}-compteur`} className="text-sm text-slate-700">
        {length.toLocaleString('fr-FR')} / {max.toLocaleString('fr-FR')} caractères
      </p>
      {error && <FieldError id={`${name}-erreur`} text={error} />}
    </div>
  );
}

function Notes({
  lignes,
  values,
  champs,
  firstError,
}: {
  lignes: number;
  values: Record<string, string>;
  champs: Record<string, string>;
  firstError: string | undefined;
}) {
  const rows = Array.from({ length: lignes }, (_, i) => i);
  return (
    <section aria-labelledby="notes-titre" className="mt-6">
      <h2 id="notes-titre" className="text-xl font-semibold">
        Notes
      </h2>
      {rows.length === 0 && <p className="mt-2 text-slate-700">Aucune note.</p>}
      {rows.map((i) => (
        <fieldset key={i} className="mt-3 flex flex-wrap items-end gap-3">
          <legend className="sr-only">Note {i + 1}</legend>
          {(
            [
              ['libelle', 'Libellé', 'text', 'w-64'],
              ['valeur', 'Note sur 20', 'text', 'w-24'],
              ['coefficient', 'Coefficient', 'text', 'w-24'],
            ] as const
          ).map(([part, label, type, width]) => {
            const name = `note:${i}:${part}`;
            const id = `note-${i}-${part}`;
            return (
              <div key={part} className="flex flex-col gap-1">
                <label htmlFor={id} className="text-sm font-medium">
                  {label} <span className="sr-only">de la note {i + 1}</span>
                </label>
                <input
                  id={id}
                  name={name}
                  type={type}
                  inputMode={part === 'libelle' ? undefined : 'decimal'}
                  defaultValue={values[name] ?? ''}
                  aria-invalid={champs[name] ? true : undefined}
                  aria-describedby={champs[name] ? `${id}-erreur` : undefined}
                  autoFocus={firstError === name}
                  className={`${INPUT} ${width}`}
                />
                {champs[name] && <FieldError id={`${id}-erreur`} text={champs[name]} />}
              </div>
            );
          })}
          <button
            type="submit"
            name="intent"
            value={`retirer-note:${i}`}
            formNoValidate
            className={BUTTON_SECONDARY}
          >
            Retirer<span className="sr-only"> la note {i + 1}</span>
          </button>
        </fieldset>
      ))}
      <button
        type="submit"
        name="intent"
        value="ajouter-note"
        formNoValidate
        className={`${BUTTON_SECONDARY} mt-3`}
      >
        Ajouter une note
      </button>
    </section>
  );
}

function Confirmation({ message }: { message: string | undefined }) {
  return (
    <section
      aria-labelledby="confirmation-titre"
      className="mt-4 rounded-md border-2 border-amber-500 bg-amber-50 px-4 py-3"
    >
      <h2 id="confirmation-titre" className="text-lg font-semibold text-amber-950">
        Confirmer la validation
      </h2>
      {message && <p role="status">{message}</p>}
      <p className="mt-1 font-medium">
        Un bilan validé est définitif : il ne pourra plus être modifié.
      </p>
      <div className="mt-3 flex flex-wrap gap-3">
        <button type="submit" name="intent" value="confirmer" autoFocus className={BUTTON}>
          Confirmer la validation
        </button>
        <button
          type="submit"
          name="intent"
          value="annuler"
          formNoValidate
          className={BUTTON_SECONDARY}
        >
          Revenir au brouillon
        </button>
      </div>
    </section>
  );
}
