// An API token page of the administration (PRONOTE's tokens, the write API's): create one
// (shown once, on this page, with a « Copier » button), list them with their last use, revoke
// one. The forms are Server Actions (lib/administration/actions/jetons.ts).
import { AdminTable } from './admin-table';
import type { ListedApiToken, NatureJeton } from '@/lib/auth/api-tokens';
import { formatDateTimeFr } from '@/lib/common/dates';
import type { ActionState } from '@/lib/actions/state';
import { ActionForm } from '@/lib/ui/forms/action-form';
import { ShownOnce } from '@/lib/ui/forms/shown-once';
import { SubmitButton } from '@/lib/ui/forms/submit-button';
import { TextField } from '@/lib/ui/forms/text-field';
import { DoneMessage } from './done-message';
import { PronoteDocumentationLink } from '@/lib/ui/pronote/pronote-documentation';
import { BUTTON, BUTTON_SECONDARY, Section, TD } from './section';

// What each kind of token's page says (one page component for both kinds).
const TEXTS: Record<
  NatureJeton,
  {
    title: string;
    intro: string;
    placeholder: string;
    revoque: string;
    /** The heading of a token just created, and what to do with it. */
    created: string;
    use: string;
  }
> = {
  pronote: {
    title: 'Connecteur PRONOTE',
    intro:
      'PRONOTE lit les bilans validés des périodes non closes avec un jeton de l’établissement ; le transfert se fait depuis PRONOTE. Un jeton n’est affiché qu’une fois, à sa création ; révoquez celui d’un connecteur remplacé.',
    placeholder: 'Connecteur PRONOTE',
    revoque: 'Jeton révoqué : PRONOTE ne peut plus lire les bilans avec lui.',
    created: 'Jeton PRONOTE créé',
    use: 'Copiez ce jeton maintenant dans le connecteur PRONOTE : il ne sera plus jamais affiché.',
  },
  alimentation: {
    title: 'Alimentation des bilans (API d’écriture)',
    intro:
      'Le tableau de bord des apprenants (ou tout outil de l’établissement) envoie les bilans avec un jeton d’alimentation : il écrit des bilans, il ne lit pas l’export PRONOTE. Un jeton n’est affiché qu’une fois, à sa création ; révoquez celui d’un outil remplacé. Documentation de l’API : /api/alimentation/v1/openapi.json.',
    placeholder: 'Tableau de bord des apprenants',
    revoque: 'Jeton révoqué : il ne peut plus écrire de bilan.',
    created: 'Jeton d’alimentation créé',
    use: 'Copiez ce jeton maintenant dans l’outil qui envoie les bilans : il ne sera plus jamais affiché.',
  },
};

export function TokensPage({
  nature,
  jetons,
  fait,
  actions,
}: {
  nature: NatureJeton;
  jetons: ListedApiToken[];
  fait: string | null;
  actions: {
    create: (nature: NatureJeton, state: ActionState, form: FormData) => Promise<ActionState>;
    revoke: (
      nature: NatureJeton,
      jetonId: string,
      state: ActionState,
      form: FormData,
    ) => Promise<ActionState>;
  };
}) {
  const { title, intro, placeholder, revoque, created, use } = TEXTS[nature];
  const messages = { revoque, introuvable: 'Ce jeton n’existe pas, ou il est déjà révoqué.' };
  return (
    <main className="mx-auto max-w-6xl px-4 py-6">
      <h1 className="text-2xl font-bold">{title}</h1>
      <DoneMessage fait={fait} messages={messages} />
      <p className="mt-2 text-slate-700">
        {intro}
        {nature === 'pronote' && (
          <>
            {' '}
            <PronoteDocumentationLink />.
          </>
        )}
      </p>
      <Section id="creer" title="Créer un jeton">
        <ActionForm
          action={actions.create.bind(null, nature)}
          label="Créer un jeton"
          className="flex flex-wrap items-end gap-3"
        >
          <TextField
            id="libelle"
            name="libelle"
            label="Libellé (pour le reconnaître)"
            maxLength={80}
            placeholder={placeholder}
          />
          <SubmitButton className={BUTTON}>Créer le jeton</SubmitButton>
          <ShownOnce title={created} use={use} />
        </ActionForm>
      </Section>
      <Section id="jetons" title="Jetons de l’établissement">
        {jetons.length === 0 ? (
          <p className="text-slate-700">Aucun jeton pour l’instant.</p>
        ) : (
          <AdminTable
            caption={'Jetons, leur état et leur dernier usage'}
            columns={['Libellé', 'Début du jeton', 'Créé le', 'Dernier usage', 'État']}
          >
            <tbody>
              {jetons.map((j) => (
                <tr key={j.id}>
                  <th scope="row" className={`${TD} font-medium`}>
                    {j.libelle}
                  </th>
                  <td className={TD}>
                    <code>{j.prefixe}…</code>
                  </td>
                  <td className={TD}>{formatDateTimeFr(j.creeLe)}</td>
                  <td className={TD}>
                    {j.dernierUsageLe ? formatDateTimeFr(j.dernierUsageLe) : 'jamais'}
                  </td>
                  <td className={TD}>
                    {j.revoqueLe ? (
                      `Révoqué le ${formatDateTimeFr(j.revoqueLe)}`
                    ) : (
                      <ActionForm
                        action={actions.revoke.bind(null, nature, j.id)}
                        // Two tokens may share a label: its start tells them apart.
                        label={`Révoquer le jeton ${j.libelle} (${j.prefixe}…)`}
                      >
                        <span className="mr-2 text-green-900">Actif</span>
                        <SubmitButton className={BUTTON_SECONDARY}>
                          Révoquer
                          <span className="sr-only">
                            {' '}
                            le jeton {j.libelle} ({j.prefixe}…)
                          </span>
                        </SubmitButton>
                      </ActionForm>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </AdminTable>
        )}
      </Section>
    </main>
  );
}
