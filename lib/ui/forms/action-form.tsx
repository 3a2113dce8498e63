'use client';
// A form posted to a Server Action (lib/actions/validated-action.ts), with or without
// JavaScript: its answer — a refusal with the problem beside each field and what was typed, or
// a result — shows inside the page, in words. Fields read it through useActionAnswer().
import { createContext, useActionState, useContext, useEffect, useRef } from 'react';
import { IDLE, type ActionState } from '@/lib/actions/state';

const AnswerContext = createContext<ActionState>(IDLE);

/** The answer of the form around: for its fields (their error, what was typed). */
export function useActionAnswer(): ActionState {
  return useContext(AnswerContext);
}

export function ActionForm({
  action,
  children,
  className,
  label,
  encType,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  children: React.ReactNode;
  className?: string;
  /** The form's accessible name (several forms on one page). */
  label?: string;
  encType?: 'multipart/form-data';
}) {
  const [state, formAction] = useActionState(action, IDLE);
  const alert = useRef<HTMLParagraphElement>(null);
  // With JavaScript, the focus goes to the first field in error, or to the message (without,
  // the first field in error has autofocus: FieldShell).
  useEffect(() => {
    if (state.status !== 'erreur') return;
    const form = alert.current?.closest('form');
    // A field in error, or the first input of a group in error (a fieldset of radios, whose
    // inputs cannot carry aria-invalid), whichever comes first in the form.
    const invalid = form?.querySelector<HTMLElement>(
      '[aria-invalid="true"], [data-invalide] input',
    );
    (invalid ?? alert.current)?.focus();
  }, [state]);
  return (
    <form action={formAction} className={className} aria-label={label} encType={encType}>
      {state.status === 'erreur' && state.message && (
        <p
          ref={alert}
          role="alert"
          tabIndex={-1}
          className="basis-full rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-900"
        >
          {state.message}
        </p>
      )}
      <AnswerContext.Provider value={state}>{children}</AnswerContext.Provider>
    </form>
  );
}
