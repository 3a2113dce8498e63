import { AdminTable } from '@/lib/ui/administration/admin-table';
import type { Metadata } from 'next';
import { loadSieclePage } from '@/lib/pages/administration';
import { UploadForm } from '@/lib/ui/administration/upload-form';
import { uploadSiecle } from '@/lib/administration/actions/siecle';
import { DoneMessage } from '@/lib/ui/administration/done-message';
import { Section, TD } from '@/lib/ui/administration/section';

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
        <UploadForm
          action={uploadSiecle}
          label="Fichier SIECLE (.xml ou .zip)"
          accept=".xml,.zip,application/xml,text/xml,application/zip"
        />
      </Section>
      <Section id="classes" title="Classes de l’année">
        {page.classes.length === 0 ? (
          <p className="text-slate-700">Aucune classe pour l’instant.</p>
        ) : (
          <AdminTable
            caption={'Classes de la dernière année scolaire importée'}
            columns={['Classe', 'Année', 'Référentiel', 'Apprenants']}
          >
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
          </AdminTable>
        )}
      </Section>
    </main>
  );
}
