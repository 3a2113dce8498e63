// The upload form of an import, « Voir l’aperçu »: nothing is changed before the preview's
// « Appliquer ». A Server Action's form (multipart): a refused file is said beside its field.
import type { ActionState } from '@/lib/actions/state';
import { ActionForm } from '@/lib/ui/forms/action-form';
import { FileField } from '@/lib/ui/forms/file-field';
import { SubmitButton } from '@/lib/ui/forms/submit-button';
import { BUTTON } from './section';

export function UploadForm({
  action,
  label,
  accept,
  children,
}: {
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
  label: string;
  accept: string;
  children?: React.ReactNode;
}) {
  return (
    <ActionForm
      action={action}
      encType="multipart/form-data"
      className="mt-4 flex flex-wrap items-end gap-3"
    >
      <FileField id="fichier" name="fichier" label={label} accept={accept} />
      {children}
      <SubmitButton className={BUTTON} pendingLabel="Lecture du fichier…">
        Voir l’aperçu
      </SubmitButton>
    </ActionForm>
  );
}
