import type { Metadata } from 'next';
import Link from 'next/link';
import { pupilPath } from '@/lib/http/paths';
import { loadSelectionPage, selectionPageTitle } from '@/lib/pages/selection';
import { SelectionForm } from '@/lib/ui/bilans/selection-form';
import { ClassDocuments } from '@/lib/ui/bilans/class-documents';
import { classDocumentButtons } from '@/lib/impression/documents';
import { ClotureWarning } from '@/lib/ui/bilans/cloture-warning';

export const dynamic = 'force-dynamic';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({
  searchParams,
}: {
  searchParams: SearchParams;
}): Promise<Metadata> {
  return { title: selectionPageTitle(await loadSelectionPage(await searchParams)) };
}

export default async function BilansPage({ searchParams }: { searchParams: SearchParams }) {
  const { classes, classe, apprenants, saisie, clotures } = await loadSelectionPage(
    await searchParams,
  );
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
        {classe && (
          <ClassDocuments classeId={classe.id} documents={classDocumentButtons()} saisie={saisie} />
        )}
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
