// The class synthesis on A4 landscape, for the class council: title, the table, the
// « Répartition » and the legend of the levels, the type as large as the page allows and
// never below 8 pt (type-size.ts): 30 pupils × 21 competences fill one page; a longer class
// continues on a second, its header row repeated.
import 'server-only';
import type { SyntheseView } from '@/lib/synthese/query';
import { formatDateFr } from '@/lib/common/dates';
import { LegendeNiveaux } from '@/lib/ui/bilans/legende';
import { SyntheseTable } from '@/lib/synthese/ui/table';
import { auPeriode, EVOLUTIONS_EXPLIQUEES } from '@/lib/synthese/ui/table-html';
import { syntheseTypeSize } from '@/lib/synthese/document/type-size';

/** The « Répartition » footer's rows: title, one per level, « non renseigné », the shares (two lines). */
function footerRows(view: SyntheseView): number {
  return 1 + 5 + (view.repartition.some((r) => r.nonRenseignes > 0) ? 1 : 0) + 2;
}

export function SyntheseImprimee({ view }: { view: SyntheseView }) {
  const { classe, au } = view;
  const size = syntheseTypeSize(1 + view.lignes.length + footerRows(view), view.competences.length);
  return (
    <article className="synthese-page">
      {/* The print layout is portrait-wide by default: this page takes the landscape width. */}
      <style>{`.impression{max-width:none}.synthese-imprimee table.synthese{font-size:${size}pt}`}</style>
      <header className="mb-1 flex items-baseline justify-between border-b-2 border-marine pb-1">
        <h1 className="text-[12pt] font-bold">
          Synthèse de la classe {classe.nom} ({classe.anneeScolaire})
        </h1>
        <p className="text-[8pt]">
          {view.etablissementNom} · Référentiel : bac pro {view.referentiel.sigle} ·{' '}
          {au
            ? `situation au ${formatDateFr(au)}${auPeriode(view)}`
            : 'dernier bilan de chaque élève'}{' '}
          · {view.lignes.length} élèves, {view.avecBilan} avec un bilan
        </p>
      </header>
      <SyntheseTable view={view} imprime />
      <LegendeNiveaux />
      <p className="px-1 text-[8pt]">{EVOLUTIONS_EXPLIQUEES}</p>
    </article>
  );
}
