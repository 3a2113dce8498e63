'use client';
// A file input of an ActionForm, its label above it and, after a refusal, the problem with the
// file beside it (a file is never written back: the browser asks for it again).
import { useActionAnswer } from './action-form';
import { INPUT } from '@/lib/ui/administration/section';

export function FileField({
  id,
  name,
  label,
  accept,
}: {
  id: string;
  name: string;
  label: string;
  accept: string;
}) {
  const answer = useActionAnswer();
  const error = answer.champs?.[name];
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      <input
        key={answer.envoi ?? 0}
        id={id}
        name={name}
        type="file"
        required
        accept={accept}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-erreur` : undefined}
        autoFocus={error !== undefined}
        className={`${INPUT} ${error ? 'border-red-700' : ''}`}
      />
      {error && (
        <p id={`${id}-erreur`} className="max-w-prose text-sm text-red-800">
          {error}
        </p>
      )}
    </div>
  );
}
