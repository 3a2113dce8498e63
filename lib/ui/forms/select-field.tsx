'use client';
// A labelled select of an ActionForm: after a refusal, the choice made and the problem beside.
import { useActionAnswer } from './action-form';
import { INPUT } from '@/lib/ui/administration/section';

export function SelectField({
  id,
  name,
  label,
  options,
  defaultValue,
}: {
  id: string;
  name: string;
  label: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
}) {
  const answer = useActionAnswer();
  const error = answer.champs?.[name];
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      <select
        key={answer.envoi ?? 0}
        id={id}
        name={name}
        defaultValue={answer.saisie?.[name] ?? defaultValue ?? options[0]?.value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-erreur` : undefined}
        className={INPUT}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error && (
        <p id={`${id}-erreur`} className="max-w-xs text-sm text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
