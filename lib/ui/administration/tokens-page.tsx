// An API token page of the administration (PRONOTE's tokens, the write API's): create one
// (shown once, on the page the post answers), list them with their last use, revoke one.
import type { ListedApiToken } from '@/lib/auth/api-tokens';
import { formatDateTimeFr } from '@/lib/common/dates';
import { TableHead } from './table-head';
import { FormTokenInput } from './form-token';
import { DoneMessage } from './done-message';
import { BUTTON, BUTTON_SECONDARY, INPUT, Section, TABLE, TD } from './section';

export function TokensPage({
  title,
  intro,
  basePath,
  placeholder,
  jetons,
  formToken,
  fait,
  messages,
}: {
  title: string;
  intro: string;
  basePath: string;
  placeholder: string;
  jetons: ListedApiToken[];
  formToken: string;
  fait: string | null;
  messages: Record<string, string>;
}) {
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
