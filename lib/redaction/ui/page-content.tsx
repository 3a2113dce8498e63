// The page of « Rédiger un bilan »: who and which class, where the draft stands (new, or
// continued: who wrote it last and when), the legend of the levels, then the form.
import Link from 'next/link';
import type { ActionState } from '@/lib/actions/state';
import { formatDateFr, formatDateTimeFr } from '@/lib/common/dates';
import type { Niveau } from '@/lib/bilans/niveaux';
import { pupilPath } from '@/lib/http/paths';
import { RedactionForm } from './form';

interface PageData {
  apprenant: { id: string; nom: string; prenom: string };
  classe: { id: string; nom: string; anneeScolaire: string };
  referentiel: { sigle: string; libelle: string };
  competences: { code: string; libelle: string }[];
  brouillon: { modifiePar: string | null; modifieLe: Date; mappe: boolean; source: string } | null;
  precedent: { date: string; niveaux: Record<string, Niveau> } | null;
  initial: Record<string, string>;
  dateMin: string;
  dateMax: string;
  maxTexte: number;
}

export function RedactionPageContent({
  page,
  action,
}: {
  page: PageData;
  action: (state: ActionState, form: FormData) => Promise<ActionState>;
}) {
  const who = `${page.apprenant.nom} ${page.apprenant.prenom}`;
  const b = page.brouillon;
  return (
    <main className="mx-auto max-w-4xl px-4 py-6">
      <p>
        <Link
          href={pupilPath(page.apprenant.id, { classeId: page.classe.id })}
          className="text-blue-800 underline"
        >
          Retour aux bilans de {who}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">Rédiger le bilan de {who}</h1>
      <p className="mt-1 text-slate-700">
        {page.classe.nom} ({page.classe.anneeScolaire}) · bac pro {page.referentiel.sigle} ·{' '}
        {page.competences.length} compétences
      </p>
      <p className="mt-2 text-slate-800">
        {b
          ? `Brouillon en cours de validation, repris : ${b.modifiePar ? `modifié par ${b.modifiePar}` : b.mappe && !b.source.startsWith('cpro:') ? 'envoyé par l’outil de l’établissement' : 'commencé'} le ${formatDateTimeFr(b.modifieLe)}.`
          : 'Nouveau bilan : un brouillon, jusqu’à sa validation.'}{' '}
        {page.precedent
          ? `Bilan précédent validé : ${formatDateFr(page.precedent.date)}.`
          : 'Aucun bilan validé auparavant.'}
      </p>
      <RedactionForm
        action={action}
        label={`Rédiger le bilan de ${who}`}
        competences={page.competences.map((k) => ({
          code: k.code,
          libelle: k.libelle,
          precedent: page.precedent?.niveaux[k.code] ?? null,
        }))}
        initial={page.initial}
        dateMin={page.dateMin}
        dateMax={page.dateMax}
        maxTexte={page.maxTexte}
        hasPrecedent={page.precedent !== null}
      />
    </main>
  );
}
