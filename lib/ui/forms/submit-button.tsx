'use client';
// The button of an ActionForm: while the post is under way (with JavaScript) it says so and
// cannot be pressed twice.
import { useFormStatus } from 'react-dom';

export function SubmitButton({
  children,
  pendingLabel = 'Envoi…',
  className,
}: {
  children: React.ReactNode;
  pendingLabel?: string;
  className: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      className={className}
      aria-disabled={pending || undefined}
      disabled={pending}
    >
      {pending ? pendingLabel : children}
    </button>
  );
}
