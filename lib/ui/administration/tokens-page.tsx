// An API token page of the administration (PRONOTE's tokens, the write API's): create one
// (shown once, on the page the post answers), list them with their last use, revoke one.
import type { ListedApiToken, NatureJeton } from '@/lib/auth/api-tokens';
import { formatDateTimeFr } from '@/lib/common/dates';
import { TableHead } from './table-head';
import { FormTokenInput } from './form-token';
import { DoneMessage } from './done-message';
import { BUTTON, BUTTON_SECONDARY, INPUT, Section, TABLE, TD } from './section';

// What each kind of token's page says (one page component for both kinds).
const TEXTS: Record<
  NatureJeton,
  { title: string; intro: string; placeholder: string; revoque: string }
> = {
  pronote: {
    title: 'Connecteur PRONOTE',
    intro:
      'PRONOTE lit les bilans validés de la période en cours avec un jeton de l’établissement. Un jeton n’est affiché qu’une fois, à sa création ; révoquez celui d’un connecteur remplacé.',
    placeholder: 'Connecteur PRONOTE',
    revoque: 'Jeton révoqué : PRONOTE ne peut plus lire les bilans avec lui.',
  },
  alimentation: {
    title: 'Alimentation des bilans (API d’écriture)',
    intro:
      'Le tableau de bord des apprenants (ou tout outil de l’établissement) envoie les bilans avec un jeton d’alimentation : il écrit des bilans, il ne lit pas l’export PRONOTE. Un jeton n’est affiché qu’une fois, à sa création ; révoquez celui d’un outil remplacé. Documentation de l’API : /api/alimentation/v1/openapi.json.',
    placeholder: 'Tableau de bord des apprenants',
    revoque: 'Jeton révoqué : il ne peut plus écrire de bilan.',
  },
};

export function TokensPage({
  nature,
  jetons,
  formToken,
  fait,
}: {
  nature: NatureJeton;
  jetons: ListedApiToken[];
  formToken: string;
  fait: string | null;
}) {
  const { title, intro, placeholder, revoque } = TEXTS[nature];
  const basePath = `/administration/${nature}`;
  const messages = { revoque, introuvable: 'Ce jeton n’existe pas, ou il est déjà révoqué.' };
  return (
    <main className="mx-auto max-w-6xl px-4 py-6">
      <h1 className="text-2xl font-bold">{title}</h1>
      <DoneMessage fait={fait} messages={messages} />
      <p className="mt-2 text-slate-700">{intro}</p>
      <Section id="creer" title="Créer un jeton">
        <form
          method="post"
          action={`${basePath}/jetons`}
          className="flex flex-wrap items-end gap-3"
        >
          <FormTokenInput value={formToken} />
          <div className="flex flex-col gap-1">
            <label htmlFor="libelle" className="font-medium">
              Libellé (pour le reconnaître)
            </label>
            <input
              id="libelle"
              name="libelle"
              maxLength={80}
              placeholder={placeholder}
              className={INPUT}
            />
          </div>
          <button type="submit" className={BUTTON}>
            Créer le jeton
          </button>
        </form>
      </Section>
      <Section id="jetons" title="Jetons de l’établissement">
        {jetons.length === 0 ? (
          <p className="text-slate-700">Aucun jeton pour l’instant.</p>
        ) : (
          <table className={TABLE}>
            <TableHead
              caption={'Jetons PRONOTE, leur état et leur dernière lecture'}
              columns={['Libellé', 'Début du jeton', 'Créé le', 'Dernière lecture', 'État']}
            />
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
                      <form method="post" action={`${basePath}/jetons/${j.id}/revocation`}>
                        <FormTokenInput value={formToken} />
                        <span className="mr-2 text-green-900">Actif</span>
                        <button type="submit" className={BUTTON_SECONDARY}>
                          Révoquer<span className="sr-only"> le jeton {j.libelle}</span>
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
    </main>
  );
}
