// The display of one pupil: heading, dates banner, constats and conseils, competence table,
// legend and radar; or the empty sentence when the pupil has no bilan.
import type { BilanPageView } from '@/lib/bilans/bilan-view';
import { formatDateFr, formatDateTimeFr } from '@/lib/common/dates';
import { CompetencesTable } from './competences-table';
import { EQUIVALENCE_EXPLIQUEE } from './competences-table-html';
import { DatesBanner } from './dates-banner';
import { LegendeNiveaux } from './legende';
import { RadarSection } from './radar-section';
import { TextBlock } from './text-block';
import { NotesBlock } from './notes-block';
import { PronoteStatus } from './pronote-status';
import { HeadingFocus } from '@/lib/ui/heading-focus';
import Link from 'next/link';
import { pupilPath } from '@/lib/http/paths';

export const EMPTY_SENTENCE = "Aucun bilan n'est actuellement disponible pour cet apprenant.";

export function BilanView({
  view,
  actions,
  auteurs = null,
}: {
  view: BilanPageView;
  actions?: React.ReactNode;
  /** « Rédigé par … · validé par … le … » (lib/redaction/historique.ts). */
  auteurs?: string | null;
}) {
  const { apprenant, affiche } = view;
  return (
    <article aria-labelledby="bilan-titre" className="mt-6 space-y-5">
      <HeadingFocus headingId="bilan-titre" shown={`${apprenant.id}/${affiche?.id ?? ''}`} />
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 id="bilan-titre" className="text-2xl font-bold">
          Bilan de {apprenant.nom} {apprenant.prenom}
        </h1>
        <p className="text-sm text-slate-600">
          {view.classe.nom} · {view.classe.anneeScolaire} · Référentiel : bac pro{' '}
          {view.referentiel.sigle}
        </p>
      </div>

      {!affiche ? (
        <p className="rounded-lg border border-slate-200 bg-white p-6 text-lg">{EMPTY_SENTENCE}</p>
      ) : (
        <>
          <DatesBanner
            apprenantId={apprenant.id}
            bilans={view.bilans}
            afficheId={affiche.id}
            referentiel={view.referentiel.sigle}
            classeId={view.classe.id}
          />
          {/* The bilan on screen, and its PDF right beside: the page's main action. */}
          <div className="flex flex-wrap items-start justify-between gap-3">
            <p className="text-sm text-slate-700">
              Bilan du <strong>{formatDateFr(affiche.date)}</strong>
              {affiche.periode && ` (${affiche.periode}, ${affiche.anneeScolaire})`} —{' '}
              {affiche.valideLe
                ? `validé le ${formatDateTimeFr(affiche.valideLe)}`
                : 'en cours de validation'}
            </p>
            {actions && <div className="no-print">{actions}</div>}
          </div>
          {auteurs && <p className="text-sm text-slate-700">{auteurs}</p>}
          <PronoteStatus bilan={affiche} />
          <div className="grid gap-4 md:grid-cols-2">
            <TextBlock title="Constats" text={affiche.constats} />
            <TextBlock title="Conseils" text={affiche.conseils} />
          </div>
          <NotesBlock notes={affiche.notes} />
          <section aria-labelledby="competences-titre" className="space-y-3">
            <h2 id="competences-titre" className="text-xl font-semibold">
              Bilan des compétences
            </h2>
            {view.anneesPrecedentes.length > 0 && (
              <p className="text-sm text-slate-700">
                Le tableau montre l&apos;année scolaire {affiche.anneeScolaire}. Années précédentes
                :{' '}
                {view.anneesPrecedentes.map((a, i) => (
                  <span key={a.anneeScolaire}>
                    {i > 0 && ' · '}
                    <Link
                      href={pupilPath(apprenant.id, {
                        bilanId: a.bilanId,
                        classeId: view.classe.id,
                      })}
                      className="text-blue-800 underline"
                    >
                      {a.anneeScolaire}
                      {a.classe ? ` (${a.classe})` : ''}
                    </Link>
                  </span>
                ))}
              </p>
            )}
            <CompetencesTable
              colonnes={view.colonnes}
              lignes={view.competences}
              avecEvolution={view.avecEvolution}
            />
            {view.competences.some((c) => c.equivalence) && (
              <p className="text-sm text-slate-700">{EQUIVALENCE_EXPLIQUEE}</p>
            )}
            <LegendeNiveaux />
          </section>
          {view.radar && (
            <RadarSection series={view.radar} axes={view.competences.map((c) => c.code)} />
          )}
        </>
      )}
    </article>
  );
}
