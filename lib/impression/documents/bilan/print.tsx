// One bilan laid out for A4: who, which class and year, the date and validation state,
// then the same blocks as the page (constats, conseils, table, legend, radar).
import 'server-only';
import type { BilanPageView } from '@/lib/bilans/bilan-view';
import { formatDateFr, formatDateTimeFr } from '@/lib/common/dates';
import { CompetencesTable } from '@/lib/ui/bilans/competences-table';
import { EQUIVALENCE_EXPLIQUEE } from '@/lib/ui/bilans/competences-table-html';
import { LegendeNiveaux } from '@/lib/ui/bilans/legende';
import { RadarSection } from '@/lib/ui/bilans/radar-section';
import { TextBlock } from '@/lib/ui/bilans/text-block';
import { NotesBlock } from '@/lib/ui/bilans/notes-block';

export function BilanImprime({
  view,
  nouvellePage = false,
}: {
  view: BilanPageView;
  nouvellePage?: boolean;
}) {
  const { apprenant, affiche, classe } = view;
  if (!affiche) return null;
  return (
    <article className={`bilan-imprime space-y-4 ${nouvellePage ? 'nouvelle-page' : ''}`}>
      <header className="border-b-2 border-marine pb-2">
        <p className="text-sm text-slate-700">{view.etablissementNom}</p>
        <h1 className="text-xl font-bold">
          {/* One text node: the PDF's bookmark is made from it (Chromium drops lone spaces). */}
          {`Bilan intermédiaire de compétences — ${apprenant.nom} ${apprenant.prenom}`}
        </h1>
        {/* <b>, not <strong>: Chromium tags <strong> with PDF 2.0's « Strong », a type a
            PDF 1.x file (as it declares its own) must not use unmapped. */}
        <p className="text-sm">
          Classe : <b>{classe.nom}</b> · Année scolaire : <b>{classe.anneeScolaire}</b> ·
          Référentiel : <b>bac pro {view.referentiel.sigle}</b> · Bilan du{' '}
          <b>{formatDateFr(affiche.date)}</b>
          {affiche.periode && ` (${affiche.periode})`} ·{' '}
          {affiche.valideLe
            ? `validé le ${formatDateTimeFr(affiche.valideLe)}`
            : 'en cours de validation'}
        </p>
      </header>
      {/* Constats, conseils and marks side by side: the table and the radar keep the page. */}
      <div className="grid grid-cols-[1fr_1fr_auto] items-start gap-3">
        <TextBlock title="Constats" text={affiche.constats} imprime />
        <TextBlock title="Conseils" text={affiche.conseils} imprime />
        <NotesBlock notes={affiche.notes} imprime />
      </div>
      <CompetencesTable
        colonnes={view.colonnes}
        lignes={view.competences}
        avecEvolution={view.avecEvolution}
        imprime
      />
      {view.competences.some((c) => c.equivalence) && (
        <p className="text-[8pt] text-slate-700">{EQUIVALENCE_EXPLIQUEE}</p>
      )}
      <LegendeNiveaux />
      {view.radar && (
        <RadarSection series={view.radar} axes={view.competences.map((c) => c.code)} />
      )}
    </article>
  );
}
