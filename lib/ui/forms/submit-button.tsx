'use client';
// The button of an ActionForm: while the post is under way (with JavaScript) it says so and
// cannot be pressed twice.
import { useFormStatus } from 'react-dom';

export function SubmitButton({
  children,
  pendingLabel = 'Envoi…',
  className,
  name,
  value,
}: {
  children: React.ReactNode;
  pendingLabel?: string;
  className: string;
  /** A form with several buttons: which one was pressed (posted as name=value). */
  name?: string;
  value?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      name={name}
      value={value}
      className={className}
      aria-disabled={pending || undefined}
      disabled={pending}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
