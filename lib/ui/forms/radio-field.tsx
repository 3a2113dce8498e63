'use client';
// A group of radio buttons of an ActionForm (a fieldset named by its legend): after a refusal,
// the choice made kept, the problem beside the group, the first group in error focused. No choice is made for the
// administrator unless `defaultValue` says so.
import { useActionAnswer } from './action-form';

export function RadioField({
  name,
  legend,
  options,
  defaultValue,
  children,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
  /** What the choice is about, under the legend. */
  children?: React.ReactNode;
}) {
  const answer = useActionAnswer();
  const error = answer.champs?.[name];
  const chosen = answer.saisie?.[name] ?? defaultValue;
  const errorId = `${name}-erreur`;
  // Without JavaScript the first group in error has the focus (ActionForm moves it with).
  const firstError = error !== undefined && Object.keys(answer.champs ?? {})[0] === name;
  return (
    <fieldset
      key={answer.envoi ?? 0}
      className={`mt-3 rounded-md border px-3 pb-3 ${error ? 'border-red-700' : 'border-slate-300'}`}
      aria-describedby={error ? errorId : undefined}
      data-invalide={error ? true : undefined}
    >
      <legend className="px-1 font-medium text-slate-900">{legend}</legend>
      {children}
      <div className="mt-2 flex flex-col gap-2">
        {options.map((o, i) => (
          <label key={o.value} className="flex items-start gap-2 text-slate-800">
            <input
              type="radio"
              name={name}
              value={o.value}
              defaultChecked={chosen === o.value}
              autoFocus={firstError && i === 0}
              className="mt-1 h-5 w-5 shrink-0"
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {error && (
        <p id={errorId} className="mt-2 text-sm font-medium text-red-800">
          {error}
        </p>
      )}
    </fieldset>
  );
}
