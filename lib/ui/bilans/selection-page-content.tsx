// The selection page (/bilans, /bilans?classe=…): the class and pupil selector with the class's
// documents, the warning of a closing period's drafts, and the class's pupils as links.
import Link from 'next/link';
import { pupilPath } from '@/lib/http/paths';
import { SelectionForm } from './selection-form';
import { ClassDocuments, type ClassDocumentButton } from './class-documents';
import { ClotureWarning } from './cloture-warning';
import type { ClasseOption, ApprenantOption } from '@/lib/bilans/classes';
import type { ClotureProche } from '@/lib/bilans/cloture';

export function SelectionPageContent({
  page,
}: {
  page: {
    classes: ClasseOption[];
    classe: ClasseOption | null;
    apprenants: ApprenantOption[];
    saisie: boolean;
    clotures: ClotureProche[];
    documents: ClassDocumentButton[];
  };
}) {
  const { classes, classe, apprenants, saisie, clotures, documents } = page;
  return (
    <main className="mx-auto max-w-7xl px-4 py-6">
      <SelectionForm
        classes={classes}
        apprenants={apprenants}
        classeId={classe?.id ?? null}
        apprenantId={null}
        precedentId={null}
        suivantId={apprenants[0]?.id ?? null}
      >
        {classe && <ClassDocuments classeId={classe.id} documents={documents} saisie={saisie} />}
      </SelectionForm>
      <section className="mt-6" aria-labelledby="titre">
        <h1 id="titre" className="text-2xl font-bold">
          {classe ? `${classe.nom} (${classe.anneeScolaire})` : 'Bilans des compétences'}
        </h1>
        {classe && <ClotureWarning classeId={classe.id} clotures={clotures} />}
        {!classe ? (
          <p className="mt-2 text-slate-700">
            Choisissez une classe, puis un apprenant, pour consulter ses bilans intermédiaires de
            compétences.
          </p>
        ) : apprenants.length === 0 ? (
          <p className="mt-2 text-slate-700">Cette classe n&apos;a aucun apprenant.</p>
        ) : (
          <>
            <p className="mt-2 text-slate-700">
              {apprenants.length} apprenants. Choisissez un apprenant pour afficher ses bilans.
            </p>
            <ul
              className="mt-4 grid gap-2 sm:grid-cols-2 lg:grid-cols-3"
              aria-label="Apprenants de la classe"
            >
              {apprenants.map((a) => (
                <li key={a.id}>
                  <Link
                    href={pupilPath(a.id, { classeId: classe.id })}
                    className="block rounded-md border border-slate-200 bg-white px-3 py-2 text-blue-800 hover:bg-blue-50"
                  >
                    {a.nom} {a.prenom}
                  </Link>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </main>
  );
}
