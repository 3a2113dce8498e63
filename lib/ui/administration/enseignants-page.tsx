// /administration/enseignants: the teachers' CSV (previewed before anything changes) and the
// establishment's accounts — their ways in, their last sign-in — with, for each teacher, the
// forms to deactivate or reactivate the account and to link or unlink its ENT identity. Each
// form is a Server Action's (lib/administration/actions/enseignants.ts), given by the route.
import type { ActionState } from '@/lib/actions/state';
import type { CompteListe } from '@/lib/administration/enseignants/comptes';
import { formatDateTimeFr } from '@/lib/common/dates';
import { ActionForm } from '@/lib/ui/forms/action-form';
import { SubmitButton } from '@/lib/ui/forms/submit-button';
import { TextField } from '@/lib/ui/forms/text-field';
import { AdminTable } from './admin-table';
import { DoneMessage } from './done-message';
import { UploadForm } from './upload-form';
import { BUTTON_SECONDARY, INPUT, Section, TD } from './section';

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;
type FournisseurEnt = CompteListe['identites'][number]['fournisseur'];

const MESSAGES = {
  importe: 'Import des enseignants appliqué.',
  desactive: 'Compte désactivé : ses sessions sont fermées, il ne peut plus se connecter.',
  reactive: 'Compte réactivé.',
  lie: 'Identité ENT liée au compte.',
  delie: 'Identité ENT déliée du compte.',
  introuvable: 'Ce compte n’existe pas dans votre établissement.',
};

const ROLES = {
  enseignant: 'Enseignant',
  vie_scolaire: 'Vie scolaire',
  direction: 'Direction',
  administrateur: 'Administrateur',
};

const FOURNISSEUR = { ent: 'ENT (OpenID Connect)', cas: 'ENT (CAS)' };

export function EnseignantsPage({
  page,
  actions,
}: {
  page: {
    fait: string | null;
    comptes: CompteListe[];
    fournisseurs: { id: FournisseurEnt; label: string; actif: boolean }[];
  };
  actions: {
    upload: Action;
    setActif: (
      id: string,
      actif: boolean,
      state: ActionState,
      form: FormData,
    ) => Promise<ActionState>;
    linkEnt: (id: string, state: ActionState, form: FormData) => Promise<ActionState>;
    unlinkEnt: (id: string, state: ActionState, form: FormData) => Promise<ActionState>;
  };
}) {
  return (
    <main className="mx-auto max-w-6xl px-4 py-6">
      <h1 className="text-2xl font-bold">Enseignants</h1>
      <DoneMessage fait={page.fait} messages={MESSAGES} />
      <Section id="import" title="Importer les enseignants (CSV)">
        <p className="text-slate-700">
          Un fichier CSV séparé par des points-virgules (UTF-8 ou Windows-1252, tel qu’un tableur
          l’enregistre), dont la première ligne nomme les colonnes <code>nom;prenom;courriel</code>{' '}
          et, si les enseignants se connectent par l’ENT, <code>identifiant_ent</code>. Un aperçu
          s’affiche avant toute modification ; aucun compte n’est supprimé.
        </p>
        <UploadForm
          action={actions.upload}
          label="Fichier CSV des enseignants"
          accept=".csv,text/csv"
        >
          <div className="flex flex-col gap-1">
            <label htmlFor="fournisseur" className="font-medium">
              ENT de la colonne identifiant_ent
            </label>
            <select
              id="fournisseur"
              name="fournisseur"
              className={INPUT}
              defaultValue={page.fournisseurs[0]?.id}
            >
              {page.fournisseurs.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.label}
                  {f.actif ? '' : ' (non configuré)'}
                </option>
              ))}
            </select>
          </div>
        </UploadForm>
      </Section>
      <Section id="comptes" title="Comptes de l’établissement">
        <AdminTable
          caption={
            'Comptes de l’établissement, leurs moyens de connexion et leur dernière connexion'
          }
          columns={['Nom', 'Rôle', 'Moyens de connexion', 'Dernière connexion', 'État et actions']}
        >
          <tbody>
            {page.comptes.map((c) => {
              const ways = [
                ...(c.motDePasse ? ['mot de passe'] : []),
                ...c.identites.map((i) => `${FOURNISSEUR[i.fournisseur]} : ${i.identifiant}`),
              ];
              const teacher = c.role === 'enseignant';
              return (
                <tr key={c.id}>
                  <th scope="row" className={`${TD} font-medium`}>
                    {c.nom} {c.prenom}
                    <span className="block text-sm font-normal text-slate-700">{c.email}</span>
                  </th>
                  <td className={TD}>{ROLES[c.role]}</td>
                  <td className={TD}>
                    {ways.length > 0 ? (
                      <ul>
                        {ways.map((w) => (
                          <li key={w}>{w}</li>
                        ))}
                      </ul>
                    ) : (
                      <span className="font-medium text-amber-900">
                        Aucun : liez son identité ENT
                      </span>
                    )}
                  </td>
                  <td className={TD}>
                    {c.derniereConnexionLe ? formatDateTimeFr(c.derniereConnexionLe) : 'jamais'}
                  </td>
                  <td className={TD}>
                    <p className={c.actif ? 'text-green-900' : 'font-medium text-red-900'}>
                      {c.actif ? 'Actif' : 'Désactivé'}
                    </p>
                    {teacher && (
                      <div className="mt-2 flex flex-col gap-2">
                        <ActionForm
                          action={actions.setActif.bind(null, c.id, !c.actif)}
                          label={`${c.actif ? 'Désactiver' : 'Réactiver'} le compte de ${c.prenom} ${c.nom}`}
                        >
                          <SubmitButton className={BUTTON_SECONDARY}>
                            {c.actif ? 'Désactiver' : 'Réactiver'}
                            <span className="sr-only">
                              {' '}
                              le compte de {c.prenom} {c.nom}
                            </span>
                          </SubmitButton>
                        </ActionForm>
                        <ActionForm
                          action={actions.linkEnt.bind(null, c.id)}
                          label={`Lier l’identité ENT de ${c.prenom} ${c.nom}`}
                          className="flex flex-wrap items-end gap-1"
                        >
                          <label className="sr-only" htmlFor={`f-${c.id}`}>
                            ENT pour {c.prenom} {c.nom}
                          </label>
                          <select
                            id={`f-${c.id}`}
                            name="fournisseur"
                            className={`${INPUT} py-1 text-sm`}
                          >
                            {page.fournisseurs.map((f) => (
                              <option key={f.id} value={f.id}>
                                {f.label}
                              </option>
                            ))}
                          </select>
                          <TextField
                            id={`i-${c.id}`}
                            name="identifiant"
                            label={`Identifiant ENT de ${c.prenom} ${c.nom}`}
                            labelHidden
                            required
                            maxLength={256}
                            placeholder="identifiant ENT"
                            className="w-40 py-1 text-sm"
                          />
                          <SubmitButton className={BUTTON_SECONDARY}>
                            Lier
                            <span className="sr-only">
                              {' '}
                              l’identité ENT de {c.prenom} {c.nom}
                            </span>
                          </SubmitButton>
                        </ActionForm>
                        {c.identites.map((i) => (
                          <ActionForm
                            key={i.fournisseur}
                            action={actions.unlinkEnt.bind(null, c.id)}
                            label={`Délier ${FOURNISSEUR[i.fournisseur]} de ${c.prenom} ${c.nom}`}
                          >
                            <input type="hidden" name="fournisseur" value={i.fournisseur} />
                            <SubmitButton className={BUTTON_SECONDARY}>
                              Délier {FOURNISSEUR[i.fournisseur]}
                              <span className="sr-only">
                                {' '}
                                de {c.prenom} {c.nom}
                              </span>
                            </SubmitButton>
                          </ActionForm>
                        ))}
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </AdminTable>
      </Section>
    </main>
  );
}
