// /administration: the establishment's year at a glance (classes, pupils, teachers, the
// current period and the periods PRONOTE still reads), a warning for classes nobody can write bilans for, the setting-up steps in
// order, and the last actions of the journal.
import Link from 'next/link';
import type { EntreeJournal } from '@/lib/administration/journal';
import type { Periode } from '@/lib/administration/periodes';
import { formatDateFr } from '@/lib/common/dates';
import { compte } from '@/lib/common/pluriel';
import { JournalTable } from './journal-table';
import { Section } from './section';

export function AdministrationHomePage({
  page,
}: {
  page: {
    anneeScolaire: string;
    sansEquipe: string[];
    classes: number;
    apprenants: number;
    enseignants: number;
    periode: Periode | null;
    ouvertes: Periode[];
    journal: EntreeJournal[];
  };
}) {
  const { periode } = page;
  return (
    <main className="mx-auto max-w-6xl px-4 py-6">
      <h1 className="text-2xl font-bold">Administration du module</h1>
      <p className="mt-2 text-slate-700">
        Année scolaire {page.anneeScolaire} : {compte(page.classes, 'classe', 'classes')},{' '}
        {compte(page.apprenants, 'apprenant inscrit', 'apprenants inscrits')},{' '}
        {compte(page.enseignants, 'enseignant actif', 'enseignants actifs')}.
      </p>
      <p className="mt-1 text-slate-700">
        {periode
          ? `Période en cours : ${periode.libelle}, du ${formatDateFr(periode.debut)} au ${formatDateFr(periode.fin)}.`
          : 'Aucune période en cours.'}{' '}
        {page.ouvertes.length > 0
          ? `PRONOTE lit les bilans validés de ${page.ouvertes
              .map((p) => `${p.libelle} (clôture le ${formatDateFr(p.cloture)})`)
              .join(' et de ')}.`
          : 'PRONOTE ne lit aucun bilan tant qu’aucune période n’est ouverte (commencée, pas encore close).'}
      </p>
      {page.sansEquipe.length > 0 && (
        <div
          role="alert"
          className="mt-4 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-amber-900"
        >
          <p className="font-medium">
            {page.sansEquipe.length === 1
              ? `La classe ${page.sansEquipe[0]} n’a aucun enseignant dans son équipe : personne ne peut rédiger ses bilans.`
              : `${page.sansEquipe.length} classes n’ont aucun enseignant dans leur équipe : personne ne peut rédiger leurs bilans (${page.sansEquipe.join(', ')}).`}
          </p>
          <p>
            <Link className="text-blue-800 underline" href="/administration/classes">
              Compléter les équipes
            </Link>{' '}
            ou{' '}
            <Link className="text-blue-800 underline" href="/administration/sts">
              importer STS-Web
            </Link>
            .
          </p>
        </div>
      )}
      <Section id="taches" title="Mettre en place le module">
        <ol className="list-decimal space-y-2 pl-6 text-slate-800">
          <li>
            <Link className="text-blue-800 underline" href="/administration/siecle">
              Importer les élèves et les classes depuis SIECLE
            </Link>{' '}
            (export « ElevesSansAdresses », à refaire à chaque changement de classe).
          </li>
          <li>
            <Link className="text-blue-800 underline" href="/administration/enseignants">
              Créer les comptes des enseignants
            </Link>{' '}
            (fichier CSV) et les lier à l’ENT.
          </li>
          <li>
            <Link className="text-blue-800 underline" href="/administration/sts">
              Importer les équipes pédagogiques depuis STS-Web
            </Link>{' '}
            (qui enseigne dans quelle classe), puis les compléter dans{' '}
            <Link className="text-blue-800 underline" href="/administration/classes">
              Classes et équipes
            </Link>
            .
          </li>
          <li>
            <Link className="text-blue-800 underline" href="/administration/periodes">
              Saisir les périodes
            </Link>{' '}
            (trimestres ou semestres) de l’année.
          </li>
          <li>
            <Link className="text-blue-800 underline" href="/administration/pronote">
              Créer le jeton du connecteur PRONOTE
            </Link>
            .
          </li>
        </ol>
      </Section>
      <Section id="journal" title="Dernières actions">
        {page.journal.length === 0 ? (
          <p className="text-slate-700">Aucune action pour l’instant.</p>
        ) : (
          <JournalTable
            entrees={page.journal}
            caption="Les cinq dernières actions d’administration"
          />
        )}
        <p className="mt-2">
          <Link className="text-blue-800 underline" href="/administration/journal">
            Tout le journal
          </Link>
        </p>
      </Section>
    </main>
  );
}
