// /administration/sts: where the STS-Web export comes from, its upload (previewed before
// anything changes) and this year's teams at a glance.
import { AdminTable } from './admin-table';
import type { ActionState } from '@/lib/actions/state';
import { UploadForm } from './upload-form';
import { Section, TD } from './section';

export function StsPage({
  page,
  upload,
}: {
  page: {
    anneeScolaire: string;
    classes: { nom: string; sts: number; administration: number }[];
  };
  upload: (state: ActionState, form: FormData) => Promise<ActionState>;
}) {
  return (
    <main className="mx-auto max-w-6xl px-4 py-6">
      <h1 className="text-2xl font-bold">Import STS-Web : équipes pédagogiques</h1>
      <Section id="deposer" title="Déposer l’export STS-Web">
        <p className="max-w-prose text-slate-700">
          Dans STS-Web, menu Exports → « Emploi du temps » : le fichier{' '}
          <code>sts_emp_&lt;UAI&gt;_&lt;année&gt;.xml</code> (ou son archive zip, 20 Mo au plus) dit
          quels enseignants ont un service dans chaque division. Chaque enseignant est reconnu par
          son identifiant STS (gardé après le premier import), sinon par son nom et son prénom ;
          personne n’est créé. Rien n’est modifié avant que vous ayez vérifié l’aperçu et cliqué sur
          « Appliquer ».
        </p>
        <UploadForm
          action={upload}
          label="Fichier STS-Web (.xml ou .zip)"
          accept=".xml,.zip,application/xml,text/xml,application/zip"
        />
      </Section>
      <Section id="equipes" title={`Équipes de l’année ${page.anneeScolaire}`}>
        {page.classes.length === 0 ? (
          <p className="text-slate-700">
            Aucune classe pour cette année : importez d’abord SIECLE.
          </p>
        ) : (
          <AdminTable
            caption="Enseignants de chaque équipe, selon leur origine"
            columns={['Classe', 'Venus de STS-Web', 'Ajoutés à la main']}
          >
            <tbody>
              {page.classes.map((c) => (
                <tr key={c.nom}>
                  <th scope="row" className={`${TD} font-medium`}>
                    {c.nom}
                  </th>
                  <td className={TD}>{c.sts}</td>
                  <td className={TD}>{c.administration}</td>
                </tr>
              ))}
            </tbody>
          </AdminTable>
        )}
      </Section>
    </main>
  );
}
