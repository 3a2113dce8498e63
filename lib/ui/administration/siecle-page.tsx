// /administration/siecle: where to find SIECLE's « Élèves sans adresses » export, its upload
// (previewed before anything changes: siecle-preview.tsx) and the classes of the last school
// years imported, with their pupils.
import type { ActionState } from '@/lib/actions/state';
import { AdminTable } from './admin-table';
import { DoneMessage } from './done-message';
import { UploadForm } from './upload-form';
import { Section, TD } from './section';

const MESSAGES = {
  applique: 'Import SIECLE appliqué : les classes et les apprenants sont à jour.',
};

export function SieclePage({
  page,
  upload,
}: {
  page: {
    fait: string | null;
    classes: {
      id: string;
      nom: string;
      anneeScolaire: string;
      referentiel: string;
      effectif: number;
    }[];
  };
  upload: (state: ActionState, form: FormData) => Promise<ActionState>;
}) {
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
          action={upload}
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
