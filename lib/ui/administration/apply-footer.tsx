// The end of a preview: « Appliquer l’import » when the file can be applied, else why not,
// and the way out.
import Link from 'next/link';
import { SubmitButton } from '@/lib/ui/forms/submit-button';
import { BUTTON } from './section';

export function ApplyFooter({
  canApply,
  cancelHref,
  cancelLabel,
}: {
  canApply: boolean;
  cancelHref: string;
  cancelLabel: string;
}) {
  return (
    <div className="mt-6 flex flex-wrap items-center gap-4">
      {canApply ? (
        <SubmitButton className={BUTTON} pendingLabel="Application…">
          Appliquer l’import
        </SubmitButton>
      ) : (
        <p className="font-medium text-red-900">
          L’import ne peut pas être appliqué tant que le fichier a des erreurs.
        </p>
      )}
      <Link href={cancelHref} className="text-blue-800 underline">
        {cancelLabel}
      </Link>
    </div>
  );
}
