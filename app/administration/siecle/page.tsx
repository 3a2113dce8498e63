import type { Metadata } from 'next';
import { loadSieclePage } from '@/lib/pages/administration';
import { FormTokenInput } from '@/lib/ui/administration/form-token';
import { DoneMessage } from '@/lib/ui/administration/done-message';
import { BUTTON, INPUT, Section, TABLE, TD, TH } from '@/lib/ui/administration/section';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Import SIECLE — Administration' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const MESSAGES = {
  applique: 'Import SIECLE appliqué : les classes et les apprenants sont à jour.',
};

export default async function SieclePage({ searchParams }: { searchParams: SearchParams }) {
  const page = await loadSieclePage(await searchParams);
  return (
    <main className="mx-auto max-w-6xl px-4 py-6">
      <h1 className="text-2xl font-bold">Import SIECLE : élèves et classes</h1>
      <DoneMessage fait={page.fait} messages={MESSAGES} />
      <Section id="deposer" title="Déposer l’export SIECLE">
        <p className="text-slate-700">
          Dans SIECLE, menu Exploitation → Exports XML génériques → « Élèves sans adresses », pour
          l’année en cours. Déposez le fichier <code>ElevesSansAdresses.xml</code> ou son archive{' '}
          <code>ExportXML_ElevesSansAdresses.zip</code> (20 Mo au plus). Rien n’est modifié avant
          que vous ayez vérifié l’aperçu et cliqué sur « Appliquer ».
        </p>
        <form
          method="post"
          action="/administration/siecle/televersement"
          encType="multipart/form-data"
          className="mt-4 flex flex-wrap items-end gap-3"
        >
          <FormTokenInput value={page.formToken} />
          <div className="flex flex-col gap-1">
            <label htmlFor="fichier" className="font-medium">
              Fichier SIECLE (.xml ou .zip)
            </label>
            <input
              id="fichier"
              name="fichier"
              type="file"
              required
              accept=".xml,.zip,application/xml,text/xml,application/zip"
              className={INPUT}
            />
          </div>
          <button type="submit" className={BUTTON}>
            Voir l’aperçu
          </button>
        </form>
      </Section>
      <Section id="classes" title="Classes de l’année">
        {page.classes.length === 0 ? (
          <p className="text-slate-700">Aucune classe pour l’instant.</p>
        ) : (
          <table className={TABLE}>
            <caption className="sr-only">Classes de la dernière année scolaire importée</caption>
            <thead>
              <tr>
                <th scope="col" className={TH}>
                  Classe
                </th>
                <th scope="col" className={TH}>
                  Année
                </th>
                <th scope="col" className={TH}>
                  Référentiel
                </th>
                <th scope="col" className={TH}>
                  Apprenants
                </th>
              </tr>
            </thead>
            <tbody>
              {page.classes.map((c) => (
                <tr key={c.id}>
                  <td className={TD}>{c.nom}</td>
                  <td className={TD}>{c.anneeScolaire}</td>
                  <td className={TD}>bac pro {c.referentiel}</td>
                  <td className={TD}>{c.effectif}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
    </main>
  );
}
