// « Préparation PRONOTE » on screen: the current period, what PRONOTE will read of the class
// and what is missing (awaiting validation, no bilan, no mark), the table, and its PDF.
import { ClassPageHeading } from '@/lib/ui/bilans/class-page-heading';
import type { PreparationPronoteView } from '@/lib/bilans/preparation-pronote';
import { formatDateFr } from '@/lib/common/dates';
import { PdfDownload } from '@/lib/ui/pdf-download';
import Link from 'next/link';
import { classSaisiePath } from '@/lib/http/paths';
import { PreparationPronoteTable, resumePronote } from './preparation-pronote-table';

export function PreparationPronoteContent({ view }: { view: PreparationPronoteView }) {
  const { classe, periode } = view;
  return (
    <main className="mx-auto max-w-5xl px-4 py-6">
      <ClassPageHeading classe={classe} titre="Préparation PRONOTE —" />
      {!periode ? (
        <p className="mt-3 rounded-lg border border-slate-200 bg-white p-4">
          Aucune période n&apos;est en cours aujourd&apos;hui : PRONOTE ne lit aucun bilan. Les
          périodes (trimestres, semestres) sont définies par l&apos;administrateur CPRO de
          l&apos;établissement.
        </p>
      ) : (
        <>
          <p className="mt-1 text-slate-700">
            Période en cours : <strong>{periode.libelle}</strong>, du {formatDateFr(periode.debut)}{' '}
            au {formatDateFr(periode.fin)}. PRONOTE lit les bilans <strong>validés</strong> de cette
            période, avec leurs notes, pour le bulletin.
          </p>
          {periode.anneeScolaire !== classe.anneeScolaire && (
            <p className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-2 text-sm">
              Cette classe est de l&apos;année scolaire {classe.anneeScolaire} : la période en cours
              est de {periode.anneeScolaire}. Ses élèves n&apos;ont un bilan de la période que
              s&apos;il a été écrit cette année, dans leur nouvelle classe.
            </p>
          )}
          <p className="mt-2 font-semibold">{resumePronote(view)}</p>
          <p className="mt-1">
            La période se termine le {formatDateFr(periode.fin)}. Un brouillon n&apos;est pas lu par
            PRONOTE : il doit être validé par l&apos;équipe pédagogique de la classe.
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
          <div className="mt-4 overflow-x-auto rounded-lg border border-slate-200 bg-white p-2">
            <PreparationPronoteTable view={view} />
          </div>
        </>
      )}
    </main>
  );
}
