// « Préparation PRONOTE » on A4: the period, the summary and the table, to check and tick
// on paper before the period closes.
import type { PreparationPronoteView } from '@/lib/bilans/preparation-pronote';
import { formatDateFr } from '@/lib/common/dates';
import { PreparationPronoteTable, resumePronote } from '@/lib/ui/pronote/preparation-pronote-table';

export function PreparationPronoteImprimee({ view }: { view: PreparationPronoteView }) {
  const { classe, periode } = view;
  return (
    <article className="space-y-3">
      <header className="border-b-2 border-marine pb-2">
        <p className="text-sm text-slate-700">{view.etablissementNom}</p>
        <h1 className="font-bold">
          Préparation PRONOTE — {classe.nom} ({classe.anneeScolaire})
        </h1>
        <p className="text-sm">
          {periode
            ? `Période : ${periode.libelle}, du ${formatDateFr(periode.debut)} au ${formatDateFr(periode.fin)}. PRONOTE lit les bilans validés de cette période.`
            : "Aucune période n'est en cours : PRONOTE ne lit aucun bilan."}
        </p>
      </header>
      {periode && (
        <>
          <p className="font-semibold">{resumePronote(view)}</p>
          <PreparationPronoteTable view={view} imprime />
        </>
      )}
    </article>
  );
}
