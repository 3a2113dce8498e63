// The class synthesis on one A4 landscape page, for the class council: title, the table
// (30 pupils × 21 competences fit), the « Répartition » and the legend of the levels.
import type { SyntheseView } from '@/lib/bilans/synthese';
import { formatDateFr } from '@/lib/common/dates';
import { LegendeNiveaux } from '@/lib/ui/bilans/legende';
import { SyntheseTable } from '@/lib/ui/synthese/synthese-table';
import { EVOLUTIONS_EXPLIQUEES } from '@/lib/ui/synthese/synthese-table-html';

export function SyntheseImprimee({ view }: { view: SyntheseView }) {
  const { classe, au } = view;
  return (
    <article className="synthese-page">
      {/* The print layout is portrait-wide by default: this page takes the landscape width. */}
      <style>{'.impression{max-width:none}'}</style>
      <header className="mb-1 flex items-baseline justify-between border-b-2 border-marine pb-1">
        <h1 className="text-[12pt] font-bold">
          Synthèse de la classe {classe.nom} ({classe.anneeScolaire})
        </h1>
        <p className="text-[8pt]">
          {view.etablissementNom} · Référentiel : bac pro {view.referentiel.sigle} ·{' '}
          {au ? `situation au ${formatDateFr(au)}` : 'dernier bilan de chaque élève'} ·{' '}
          {view.lignes.length} élèves, {view.avecBilan} avec un bilan
        </p>
      </header>
      <SyntheseTable view={view} imprime />
      <LegendeNiveaux />
      <p className="px-1 text-[6.3pt]">{EVOLUTIONS_EXPLIQUEES}</p>
    </article>
  );
}
