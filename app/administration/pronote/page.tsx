import type { Metadata } from 'next';
import { loadPronotePage } from '@/lib/pages/administration';
import { formatDateTimeFr } from '@/lib/common/dates';
import { TableHead } from '@/lib/ui/administration/table-head';
import { FormTokenInput } from '@/lib/ui/administration/form-token';
import { DoneMessage } from '@/lib/ui/administration/done-message';
import {
  BUTTON,
  BUTTON_SECONDARY,
  INPUT,
  Section,
  TABLE,
  TD,
} from '@/lib/ui/administration/section';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'PRONOTE — Administration' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const MESSAGES = {
  revoque: 'Jeton révoqué : PRONOTE ne peut plus lire les bilans avec lui.',
  introuvable: 'Ce jeton n’existe pas, ou il est déjà révoqué.',
};

export default async function PronotePage({ searchParams }: { searchParams: SearchParams }) {
  const page = await loadPronotePage(await searchParams);
  return (
    <main className="mx-auto max-w-6xl px-4 py-6">
      <h1 className="text-2xl font-bold">Connecteur PRONOTE</h1>
      <DoneMessage fait={page.fait} messages={MESSAGES} />
      <p className="mt-2 text-slate-700">
        PRONOTE lit les bilans validés de la période en cours avec un jeton de l’établissement. Un
        jeton n’est affiché qu’une fois, à sa création ; révoquez celui d’un connecteur remplacé.
      </p>
      <Section id="creer" title="Créer un jeton">
        <form
          method="post"
          action="/administration/pronote/jetons"
          className="flex flex-wrap items-end gap-3"
        >
          <FormTokenInput value={page.formToken} />
          <div className="flex flex-col gap-1">
            <label htmlFor="libelle" className="font-medium">
              Libellé (pour le reconnaître)
            </label>
            <input
              id="libelle"
              name="libelle"
              maxLength={80}
              placeholder="Connecteur PRONOTE"
              className={INPUT}
            />
          </div>
          <button type="submit" className={BUTTON}>
            Créer le jeton
          </button>
        </form>
      </Section>
      <Section id="jetons" title="Jetons de l’établissement">
        {page.jetons.length === 0 ? (
          <p className="text-slate-700">Aucun jeton pour l’instant.</p>
        ) : (
          <table className={TABLE}>
            <TableHead
              caption={'Jetons PRONOTE, leur état et leur dernière lecture'}
              columns={['Libellé', 'Début du jeton', 'Créé le', 'Dernière lecture', 'État']}
            />
            <tbody>
              {page.jetons.map((j) => (
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
                      <form
                        method="post"
                        action={`/administration/pronote/jetons/${j.id}/revocation`}
                      >
                        <FormTokenInput value={page.formToken} />
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
