// « Imprimer le dernier bilan pour tous les élèves » of the selected class.
import { PdfDownload } from '@/lib/ui/pdf-download';

export function PrintClassButton({ classeId }: { classeId: string }) {
  return (
    <PdfDownload
      href={`/classes/${classeId}/derniers-bilans/pdf`}
      label="Imprimer le dernier bilan pour tous les élèves"
      pendingLabel="Préparation du PDF de la classe…"
    />
  );
}
