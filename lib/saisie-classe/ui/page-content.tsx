// « Saisie de la classe » (/classes/<classeId>/saisie): the class and its period, how the grid
// is used from the keyboard, the legend, the grid (or, without JavaScript, its form), then
// « Valider des bilans ». A class of another school year is shown closed.
import Link from 'next/link';
import { formatDateFr } from '@/lib/common/dates';
import { NIVEAUX, NIVEAU_INFOS } from '@/lib/bilans/niveaux';
import { NiveauStyles, niveauClass } from '@/lib/ui/bilans/niveau-css';
import { ClassPageHeading } from '@/lib/ui/bilans/class-page-heading';
import type { Niveau } from '@/lib/bilans/niveaux';
import { SaisieGrille } from './saisie-grille';
import type { FormAction } from './rows';

/** What the page is given (lib/saisie-classe/page.ts). */
interface SaisieClassePage {
  classe: { id: string; nom: string; anneeScolaire: string };
  courante: boolean;
  periode: { libelle: string; debut: string; fin: string } | null;
  competences: { code: string; libelle: string }[];
  lignes: {
    apprenant: { id: string; nom: string; prenom: string };
    etat: 'aucun' | 'brouillon' | 'valide';
    source: string;
    version: number;
    niveaux: Record<string, Niveau>;
    precedent: Record<string, Niveau>;
    texte: boolean;
  }[];
  cleLocale: string;
}

export function SaisieClasseContent({
  page,
  saveGrid,
  validateGrid,
}: {
  page: SaisieClassePage;
  saveGrid: FormAction;
  validateGrid: FormAction;
}) {
  const { classe, periode } = page;
  return (
    <main className="mx-auto max-w-[100rem] px-4 py-6">
      <NiveauStyles />
      <ClassPageHeading classe={classe} titre="Saisie des bilans —" />
      {!page.courante ? (
        <p className="mt-3 rounded-lg border border-slate-200 bg-white p-4">
          Cette classe est de l&apos;année scolaire {classe.anneeScolaire} : la saisie des bilans
          est fermée. Ses bilans se lisent sur les pages de ses élèves.
        </p>
      ) : (
        <>
          <p className="mt-1 text-slate-700">
            {periode
              ? `Période en cours : ${periode.libelle}, du ${formatDateFr(periode.debut)} au ${formatDateFr(periode.fin)}.`
              : 'Aucune période n’est en cours aujourd’hui.'}{' '}
            Chaque ligne est le brouillon de l&apos;élève, le même que « Rédiger un bilan » : il est
            enregistré quand vous quittez la ligne, et toutes les quelques secondes pendant la
            saisie. Les constats et conseils s&apos;écrivent dans « Rédiger un bilan ».{' '}
            <Link href={`/classes/${classe.id}/pronote`} className="text-blue-800 underline">
              Préparation PRONOTE
            </Link>
          </p>
          <div id="saisie-aide" className="mt-2 text-sm text-slate-800">
            <p>
              Au clavier : <kbd>Tab</kbd> entre dans la grille, les flèches s&apos;y déplacent.
              Tapez <kbd>0</kbd> ou <kbd>N</kbd> (NE), <kbd>1</kbd> (−), <kbd>2</kbd> (−+),{' '}
              <kbd>3</kbd> (+), <kbd>4</kbd> (++) : le curseur passe à la case suivante, puis à
              l&apos;élève suivant. <kbd>R</kbd> reprend le niveau du bilan précédent (affiché en
              petit à côté), <kbd>Suppr</kbd> efface, <kbd>Entrée</kbd> sur un nom ouvre « Rédiger
              un bilan ».
            </p>
          </div>
          <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label="Légende">
            {NIVEAUX.map((n) => (
              <li key={n} className="flex items-center gap-1">
                <span
                  className={`inline-block min-w-7 rounded px-1 text-center font-bold ${niveauClass(n)}`}
                >
                  {NIVEAU_INFOS[n].symbole}
                </span>
                {NIVEAU_INFOS[n].signification}
              </li>
            ))}
          </ul>
          <div className="mt-3">
            <SaisieGrille
              classeId={classe.id}
              classe={classe.nom}
              cleLocale={page.cleLocale}
              competences={page.competences.map((k) => ({ code: k.code, libelle: k.libelle }))}
              lignes={page.lignes.map((l) => ({
                id: l.apprenant.id,
                nom: l.apprenant.nom,
                prenom: l.apprenant.prenom,
                etat: l.etat,
                source: l.source,
                version: l.version,
                niveaux: l.niveaux,
                precedent: l.precedent,
                texte: l.texte,
              }))}
              saveGrid={saveGrid}
              validateGrid={validateGrid}
            />
          </div>
        </>
      )}
    </main>
  );
}
