// /administration/periodes: the current period, a form to add one, and each year's periods,
// each with its form to correct it and to remove it. Every form is a Server Action's
// (lib/administration/actions/periodes.ts): a refusal shows beside its field, with what was
// typed; success comes back here with its confirmation.
import type { ActionState } from '@/lib/actions/state';
import { formatDateFr } from '@/lib/common/dates';
import type { Periode } from '@/lib/administration/periodes';
import { ActionForm } from '@/lib/ui/forms/action-form';
import { SubmitButton } from '@/lib/ui/forms/submit-button';
import { TextField } from '@/lib/ui/forms/text-field';
import { DoneMessage } from './done-message';
import { BUTTON, BUTTON_SECONDARY, Section } from './section';

type Action = (state: ActionState, form: FormData) => Promise<ActionState>;
type BoundAction = (id: string, state: ActionState, form: FormData) => Promise<ActionState>;

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
  cloture,
}: {
  prefix: string;
  libelle?: string;
  debut?: string;
  fin?: string;
  cloture?: string;
}) {
  return (
    <>
      <TextField
        id={`${prefix}-libelle`}
        label="Libellé"
        name="libelle"
        required
        maxLength={40}
        defaultValue={libelle}
        className="w-40"
      />
      <TextField
        id={`${prefix}-debut`}
        label="Premier jour"
        name="debut"
        type="date"
        required
        defaultValue={debut}
      />
      <TextField
        id={`${prefix}-fin`}
        label="Dernier jour"
        name="fin"
        type="date"
        required
        defaultValue={fin}
      />
      <TextField
        id={`${prefix}-cloture`}
        label="Clôture PRONOTE"
        name="cloture"
        type="date"
        defaultValue={cloture}
      />
      <p className="max-w-56 self-end text-sm text-slate-700">
        Jusqu&apos;à ce jour, PRONOTE lit les bilans validés de la période. Vide : trois semaines
        après le dernier jour.
      </p>
    </>
  );
}

export function PeriodesPage({
  page,
  actions,
}: {
  page: {
    fait: string | null;
    courante: Periode | null;
    ouvertes: Periode[];
    periodes: Periode[];
  };
  actions: { add: Action; edit: BoundAction; remove: BoundAction };
}) {
  const years = [...new Set(page.periodes.map((p) => p.anneeScolaire))].sort().reverse();
  return (
    <main className="mx-auto max-w-6xl px-4 py-6">
      <h1 className="text-2xl font-bold">Périodes</h1>
      <DoneMessage fait={page.fait} messages={MESSAGES} />
      <p className="mt-2 text-slate-700">
        {page.courante
          ? `Période en cours : ${page.courante.libelle}, du ${formatDateFr(page.courante.debut)} au ${formatDateFr(page.courante.fin)}.`
          : 'Aucune période ne couvre la date du jour.'}{' '}
        {page.ouvertes.length === 0
          ? 'PRONOTE ne lit aucun bilan aujourd’hui : aucune période n’est ouverte.'
          : `PRONOTE lit les bilans validés ${page.ouvertes.length === 1 ? 'de la période' : 'des périodes'} ${page.ouvertes
              .map((p) => `${p.libelle} (jusqu’au ${formatDateFr(p.cloture)})`)
              .join(' et ')}.`}
      </p>
      <Section id="ajout" title="Ajouter une période">
        <p className="text-slate-700">
          Trimestres ou semestres : chacun tient dans son année scolaire (1er septembre – 31 août)
          et ne chevauche aucun autre.
        </p>
        <ActionForm
          action={actions.add}
          label="Ajouter une période"
          className="mt-3 flex flex-wrap items-start gap-3"
        >
          <PeriodeFields prefix="nouvelle" />
          <div className="flex flex-col gap-1">
            <span aria-hidden="true" className="text-sm">
              &nbsp;
            </span>
            <SubmitButton className={BUTTON}>Ajouter</SubmitButton>
          </div>
        </ActionForm>
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
                      {p.libelle} : du {formatDateFr(p.debut)} au {formatDateFr(p.fin)}, clôture
                      PRONOTE le {formatDateFr(p.cloture)}
                      {page.courante?.id === p.id && (
                        <span className="ml-2 rounded bg-green-100 px-2 py-0.5 text-sm text-green-900">
                          en cours
                        </span>
                      )}
                    </p>
                    <div className="mt-2 flex flex-wrap items-start gap-3">
                      <ActionForm
                        action={actions.edit.bind(null, p.id)}
                        label={`Modifier la période ${p.libelle} ${year}`}
                        className="flex flex-wrap items-start gap-3"
                      >
                        <PeriodeFields
                          prefix={p.id}
                          libelle={p.libelle}
                          debut={p.debut}
                          fin={p.fin}
                          cloture={p.cloture}
                        />
                        <div className="flex flex-col gap-1">
                          <span aria-hidden="true" className="text-sm">
                            &nbsp;
                          </span>
                          <SubmitButton className={BUTTON_SECONDARY}>
                            Modifier
                            <span className="sr-only">
                              {' '}
                              la période {p.libelle} {year}
                            </span>
                          </SubmitButton>
                        </div>
                      </ActionForm>
                      <ActionForm
                        action={actions.remove.bind(null, p.id)}
                        label={`Supprimer la période ${p.libelle} ${year}`}
                        className="flex flex-col gap-1"
                      >
                        <span aria-hidden="true" className="text-sm">
                          &nbsp;
                        </span>
                        <SubmitButton className={BUTTON_SECONDARY}>
                          Supprimer
                          <span className="sr-only">
                            {' '}
                            la période {p.libelle} {year}
                          </span>
                        </SubmitButton>
                      </ActionForm>
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
