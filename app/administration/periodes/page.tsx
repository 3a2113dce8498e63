import type { Metadata } from 'next';
import { loadPeriodesPage } from '@/lib/pages/administration';
import { formatDateFr } from '@/lib/common/dates';
import { FormTokenInput } from '@/lib/ui/administration/form-token';
import { DoneMessage } from '@/lib/ui/administration/done-message';
import { BUTTON, BUTTON_SECONDARY, Section } from '@/lib/ui/administration/section';
import { LabelledInput } from '@/lib/ui/administration/labelled-input';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Périodes — Administration' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const MESSAGES = {
  creee: 'Période ajoutée.',
  modifiee: 'Période modifiée.',
  supprimee: 'Période supprimée.',
  introuvable: 'Cette période n’existe pas dans votre établissement.',
};

function PeriodeFields({
  prefix,
  libelle,
  debut,
  fin,
}: {
  prefix: string;
  libelle?: string;
  debut?: string;
  fin?: string;
}) {
  return (
    <>
      <LabelledInput
        id={`${prefix}-libelle`}
        label="Libellé"
        name="libelle"
        required
        maxLength={40}
        defaultValue={libelle}
        className="w-40"
      />
      <LabelledInput
        id={`${prefix}-debut`}
        label="Premier jour"
        name="debut"
        type="date"
        required
        defaultValue={debut}
      />
      <LabelledInput
        id={`${prefix}-fin`}
        label="Dernier jour"
        name="fin"
        type="date"
        required
        defaultValue={fin}
      />
    </>
  );
}

export default async function PeriodesPage({ searchParams }: { searchParams: SearchParams }) {
  const page = await loadPeriodesPage(await searchParams);
  const years = [...new Set(page.periodes.map((p) => p.anneeScolaire))].sort().reverse();
  return (
    <main className="mx-auto max-w-6xl px-4 py-6">
      <h1 className="text-2xl font-bold">Périodes</h1>
      <DoneMessage fait={page.fait} messages={MESSAGES} />
      <p className="mt-2 text-slate-700">
        {page.courante
          ? `Période en cours : ${page.courante.libelle}, du ${formatDateFr(page.courante.debut)} au ${formatDateFr(page.courante.fin)}. PRONOTE lit les bilans validés de cette période.`
          : 'Aucune période ne couvre la date du jour : PRONOTE ne lit aucun bilan tant qu’il n’y en a pas.'}
      </p>
      <Section id="ajout" title="Ajouter une période">
        <p className="text-slate-700">
          Trimestres ou semestres : chacun tient dans son année scolaire (1er septembre – 31 août)
          et ne chevauche aucun autre.
        </p>
        <form
          method="post"
          action="/administration/periodes/ajout"
          className="mt-3 flex flex-wrap items-end gap-3"
        >
          <FormTokenInput value={page.formToken} />
          <PeriodeFields prefix="nouvelle" />
          <button type="submit" className={BUTTON}>
            Ajouter
          </button>
        </form>
      </Section>
      {years.length === 0 ? (
        <p className="mt-8 text-slate-700">Aucune période pour l’instant.</p>
      ) : (
        years.map((year) => (
          <Section key={year} id={`annee-${year}`} title={`Année scolaire ${year}`}>
            <ul className="space-y-3">
              {page.periodes
                .filter((p) => p.anneeScolaire === year)
                .map((p) => (
                  <li key={p.id} className="rounded-md border border-slate-200 bg-white p-3">
                    <p className="font-medium">
                      {p.libelle} : du {formatDateFr(p.debut)} au {formatDateFr(p.fin)}
                      {page.courante?.id === p.id && (
                        <span className="ml-2 rounded bg-green-100 px-2 py-0.5 text-sm text-green-900">
                          en cours
                        </span>
                      )}
                    </p>
                    <div className="mt-2 flex flex-wrap items-end gap-3">
                      <form
                        method="post"
                        action={`/administration/periodes/${p.id}/modification`}
                        className="flex flex-wrap items-end gap-3"
                      >
                        <FormTokenInput value={page.formToken} />
                        <PeriodeFields
                          prefix={p.id}
                          libelle={p.libelle}
                          debut={p.debut}
                          fin={p.fin}
                        />
                        <button type="submit" className={BUTTON_SECONDARY}>
                          Modifier
                          <span className="sr-only">
                            {' '}
                            la période {p.libelle} {year}
                          </span>
                        </button>
                      </form>
                      <form method="post" action={`/administration/periodes/${p.id}/suppression`}>
                        <FormTokenInput value={page.formToken} />
                        <button type="submit" className={BUTTON_SECONDARY}>
                          Supprimer
                          <span className="sr-only">
                            {' '}
                            la période {p.libelle} {year}
                          </span>
                        </button>
                      </form>
                    </div>
                  </li>
                ))}
            </ul>
          </Section>
        ))
      )}
    </main>
  );
}
