'use client';
// A labelled input of an ActionForm: after a refusal it shows what was typed and, beside it,
// the problem (linked by aria-describedby, aria-invalid set); the first field in error has
// the focus, with or without JavaScript.
import { useActionAnswer } from './action-form';
import { INPUT } from '@/lib/ui/administration/section';

export function TextField({
  id,
  name,
  label,
  className = '',
  defaultValue,
  labelHidden = false,
  ...input
}: {
  id: string;
  name: string;
  label: string;
  className?: string;
  defaultValue?: string;
  /** A label for screen readers only (a compact form whose row says the rest). */
  labelHidden?: boolean;
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'defaultValue'>) {
  const answer = useActionAnswer();
  const error = answer.champs?.[name];
  const firstError = error !== undefined && Object.keys(answer.champs ?? {})[0] === name;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className={labelHidden ? 'sr-only' : 'text-sm font-medium'}>
        {label}
      </label>
      <input
        // Drawn again after each answer, with what was typed (React resets a posted form).
        key={answer.envoi ?? 0}
        id={id}
        name={name}
        defaultValue={answer.saisie?.[name] ?? defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-erreur` : undefined}
        autoFocus={firstError}
        className={`${INPUT} ${error ? 'border-red-700' : ''} ${className}`}
        {...input}
      />
      {error && (
        <p id={`${id}-erreur`} className="max-w-xs text-sm text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
