// The upload form of an import (a multipart POST with the form token), « Voir l’aperçu »:
// nothing is changed before the preview's « Appliquer ».
import { FormTokenInput } from './form-token';
import { BUTTON, INPUT } from './section';

export function UploadForm({
  action,
  formToken,
  label,
  accept,
  children,
}: {
  action: string;
  formToken: string;
  label: string;
  accept: string;
  children?: React.ReactNode;
}) {
  return (
    <form
      method="post"
      action={action}
      encType="multipart/form-data"
      className="mt-4 flex flex-wrap items-end gap-3"
    >
      <FormTokenInput value={formToken} />
      <div className="flex flex-col gap-1">
        <label htmlFor="fichier" className="font-medium">
          {label}
        </label>
        <input id="fichier" name="fichier" type="file" required accept={accept} className={INPUT} />
      </div>
      {children}
      <button type="submit" className={BUTTON}>
        Voir l’aperçu
      </button>
    </form>
  );
}
