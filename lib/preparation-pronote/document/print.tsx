// « Préparation PRONOTE » on A4: the period, the summary and the table, to check and tick
// on paper before the period closes.
import 'server-only';
import type { PreparationPronoteView } from '@/lib/preparation-pronote/query';
import { formatDateFr } from '@/lib/common/dates';
import { PreparationPronoteTable, resumePronote } from '@/lib/preparation-pronote/ui/table';

export function PreparationPronoteImprimee({ view }: { view: PreparationPronoteView }) {
  const { classe, periodes } = view;
  return (
    <article className="space-y-3">
      <header className="border-b-2 border-marine pb-2">
        <p className="text-sm text-slate-700">{view.etablissementNom}</p>
        <h1 className="font-bold">
          Préparation PRONOTE — {classe.nom} ({classe.anneeScolaire})
        </h1>
        {periodes.length === 0 && (
          <p className="text-sm">Aucune période n&apos;est ouverte : PRONOTE ne lit aucun bilan.</p>
        )}
      </header>
      {periodes.map((suivi) => (
        <section key={suivi.periode.debut} className="space-y-2">
          <p className="text-sm">
            Période : {suivi.periode.libelle}, du {formatDateFr(suivi.periode.debut)} au{' '}
            {formatDateFr(suivi.periode.fin)}. PRONOTE lit ses bilans validés jusqu&apos;au{' '}
            {formatDateFr(suivi.periode.cloture)}.
          </p>
          <p className="font-semibold">{resumePronote(suivi)}</p>
          <PreparationPronoteTable view={view} suivi={suivi} imprime />
        </section>
      ))}
    </article>
  );
}
