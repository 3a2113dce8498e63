// The whole bilan page for /bilans/<apprenantId>[/<bilanId>]: session check, one query,
// 404 for anything not found in the teacher's establishment, the view queued for the
// access trace (lib/trace/trace-queue.ts).
import { notFound } from 'next/navigation';
import { after } from 'next/server';
import { requireTeacher } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { withDatabase } from '@/lib/http/database-unavailable';
import { getBilanPage } from '@/lib/bilans/bilan-page';
import { normalizeUuid } from '@/lib/common/ids';
import { BilanView } from './bilan-view';
import { SelectionForm } from './selection-form';
import { PdfDownload } from '@/lib/ui/pdf-download';
import { PrintClassButton } from './print-class-button';
import { consultations } from '@/lib/trace/consultations';

export async function BilanPageContent({
  apprenantId: rawApprenantId,
  bilanId: rawBilanId,
}: {
  apprenantId: string;
  bilanId: string | null;
}) {
  const teacher = await requireTeacher();
  const apprenantId = normalizeUuid(rawApprenantId);
  const bilanId = rawBilanId === null ? null : normalizeUuid(rawBilanId);
  if (!apprenantId || (rawBilanId !== null && !bilanId)) notFound();
  const view = await withDatabase(async () =>
    getBilanPage(await getDb(), teacher.etablissement.id, apprenantId, bilanId),
  );
  if (!view) notFound();
  const shown = view.affiche;
  if (shown) {
    after(
      consultations().add({
        lecteur: { etablissementId: teacher.etablissement.id, utilisateurId: teacher.id },
        access: {
          action: 'consultation',
          route: bilanId ? `/bilans/${apprenantId}/${bilanId}` : `/bilans/${apprenantId}`,
          apprenantId: view.apprenant.id,
          bilanId: shown.id,
        },
        at: new Date(),
      }),
    );
  }
  return (
    <main className="mx-auto max-w-7xl px-4 py-6">
      <SelectionForm
        classes={view.classes}
        apprenants={view.apprenants}
        classeId={view.classe.id}
        apprenantId={view.apprenant.id}
        precedentId={view.precedentId}
        suivantId={view.suivantId}
      >
        <PrintClassButton classeId={view.classe.id} />
      </SelectionForm>
      <BilanView
        view={view}
        actions={
          view.affiche && (
            <PdfDownload
              href={`/bilans/${view.apprenant.id}/${view.affiche.id}/pdf`}
              label="Générer en PDF"
              pendingLabel="Préparation du PDF…"
            />
          )
        }
      />
    </main>
  );
}
