// « Préparation PRONOTE » on screen: each period PRONOTE still reads (the one closing first on
// top, its closing day said), what PRONOTE will read of the class and what is missing (drafts,
// no bilan, no mark), the table, and its PDF.
import { ClassPageHeading } from '@/lib/ui/bilans/class-page-heading';
import type { PreparationPronoteView, SuiviPeriode } from '@/lib/preparation-pronote/query';
import { formatDateFr } from '@/lib/common/dates';
import { PdfDownload } from '@/lib/ui/pdf-download';
import Link from 'next/link';
import { classSaisiePath } from '@/lib/http/paths';
import { PreparationPronoteTable, resumePronote } from './table';
import { PronoteDocumentationLink } from '@/lib/ui/pronote/pronote-documentation';

export function PreparationPronoteContent({ view }: { view: PreparationPronoteView }) {
  const { classe, periodes } = view;
  return (
    <main className="mx-auto max-w-5xl px-4 py-6">
      <ClassPageHeading classe={classe} titre="Préparation PRONOTE —" />
      {periodes.length === 0 ? (
        <p className="mt-3 rounded-lg border border-slate-200 bg-white p-4">
          Aucune période n&apos;est ouverte aujourd&apos;hui : PRONOTE ne lit aucun bilan. Les
          périodes (trimestres, semestres) et leur clôture PRONOTE sont définies par
          l&apos;administrateur CPRO de l&apos;établissement.
        </p>
      ) : (
        <>
          <p className="mt-1 text-slate-700">
            PRONOTE lit les bilans <strong>validés</strong> d&apos;une période, avec leurs notes,
            pour le bulletin, jusqu&apos;à sa clôture (trois semaines après son dernier jour, sauf
            si l&apos;administrateur en a décidé autrement) ; un brouillon n&apos;est jamais lu : il
            doit être validé par l&apos;équipe pédagogique de la classe. Le transfert se fait
            uniquement depuis PRONOTE : <PronoteDocumentationLink />.
            {view.equipe && (
              <>
                {' '}
                <Link href={classSaisiePath(classe.id)} className="text-blue-800 underline">
                  Saisie des bilans
                </Link>
              </>
            )}
          </p>
          <div className="no-print mt-3">
            <PdfDownload
              href={`/classes/${classe.id}/pronote/pdf`}
              label="Imprimer la préparation PRONOTE"
              pendingLabel="Préparation du PDF…"
              secondary
            />
          </div>
          {periodes.map((suivi) => (
            <PeriodeSection
              key={`${suivi.periode.libelle}-${suivi.periode.debut}`}
              view={view}
              suivi={suivi}
            />
          ))}
        </>
      )}
    </main>
  );
}

function PeriodeSection({ view, suivi }: { view: PreparationPronoteView; suivi: SuiviPeriode }) {
  const { periode, brouillons } = suivi;
  const id = `periode-${periode.debut}`;
  return (
    <section aria-labelledby={id} className="mt-6">
      <h2 id={id} className="text-xl font-semibold">
        {periode.libelle} {periode.anneeScolaire}
        {periode.terminee ? ' — terminée, clôture PRONOTE le ' : ' — en cours, clôture PRONOTE le '}
        {formatDateFr(periode.cloture)}
      </h2>
      <p className="mt-1 text-slate-700">
        Du {formatDateFr(periode.debut)} au {formatDateFr(periode.fin)}.{' '}
        {periode.terminee
          ? `La période est terminée : PRONOTE lit encore ses bilans validés jusqu’au ${formatDateFr(periode.cloture)}, jamais après.`
          : `La période se termine le ${formatDateFr(periode.fin)}.`}
      </p>
      {periode.anneeScolaire !== view.classe.anneeScolaire && (
        <p className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm">
          Cette classe est de l&apos;année scolaire {view.classe.anneeScolaire} : cette période est
          de {periode.anneeScolaire}. Ses élèves n&apos;ont un bilan de la période que s&apos;il a
          été écrit cette année, dans leur nouvelle classe.
        </p>
      )}
      {periode.terminee && brouillons > 0 && (
        <p className="mt-2 rounded-md border border-amber-400 bg-amber-50 p-2">
          <strong>
            {brouillons}{' '}
            {brouillons === 1
              ? 'bilan de cette période est encore un brouillon'
              : 'bilans de cette période sont encore des brouillons'}
          </strong>{' '}
          : PRONOTE ne {brouillons === 1 ? 'le' : 'les'} lira que{' '}
          {brouillons === 1 ? 'validé' : 'validés'} avant le {formatDateFr(periode.cloture)}. La
          colonne « Brouillon » ci-dessous les montre, avec un lien pour les reprendre.
        </p>
      )}
      <p className="mt-2 font-semibold">{resumePronote(suivi)}</p>
      <div className="mt-3 overflow-x-auto rounded-lg border border-slate-200 bg-white p-2">
        <PreparationPronoteTable view={view} suivi={suivi} />
      </div>
    </section>
  );
}
