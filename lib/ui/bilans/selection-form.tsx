'use client';

// Class and pupil selection at the top of the page. Choosing navigates at once; without
// JavaScript the same form is submitted with « Afficher » (hidden when scripts run), and
// the arrows are submit buttons, so everything also works as a plain GET form.
import { useRef, useSyncExternalStore, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import type { ApprenantOption, ClasseOption } from '@/lib/bilans/classes';
import { keepFocusAfterNavigation } from '@/lib/ui/heading-focus';
import { pupilPath } from '@/lib/http/paths';

export interface SelectionFormProps {
  classes: ClasseOption[];
  apprenants: ApprenantOption[];
  classeId: string | null;
  apprenantId: string | null;
  precedentId: string | null;
  suivantId: string | null;
  children?: React.ReactNode;
}

const selectClass =
  'mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-base disabled:bg-slate-100';
const arrowClass =
  'mt-6 inline-flex h-10 w-10 shrink-0 items-center justify-center rounded-md border border-slate-400 bg-white text-xl font-bold text-slate-800 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-40';

const noSubscription = () => () => {};

/** « Apprenant précédent / suivant »: a submit button of the GET form, a navigation with JavaScript. */
function ArrowButton(props: {
  label: string;
  symbol: string;
  targetId: string | null;
  classeId: string | null;
  onGo: (url: string) => void;
}) {
  const { label, symbol, targetId, classeId, onGo } = props;
  return (
    <button
      type="submit"
      name="aller"
      data-garde-focus
      value={targetId ?? ''}
      disabled={!targetId}
      aria-label={label}
      title={label}
      className={arrowClass}
      onClick={(event) => {
        if (!targetId) return;
        event.preventDefault();
        keepFocusAfterNavigation(`button[data-garde-focus][aria-label="${label}"]`);
        onGo(pupilPath(targetId, { classeId }));
      }}
    >
      <span aria-hidden="true">{symbol}</span>
    </button>
  );
}

/** Keys that change a closed list's value without confirming a choice (WCAG 3.2.2). */
const BROWSING_KEYS = new Set([
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Home',
  'End',
  'PageUp',
  'PageDown',
]);

/**
 * A list that loads its page when the choice is confirmed — a pointer choice, Enter, or the
 * list losing focus after the keyboard browsed it — never at each arrow press.
 */
function useConfirmedChoice(current: string | null, onConfirm: (value: string) => void) {
  const browsing = useRef(false);
  const confirm = (value: string) => {
    browsing.current = false;
    if (value && value !== current) onConfirm(value);
  };
  return {
    onKeyDown(event: React.KeyboardEvent<HTMLSelectElement>) {
      if (event.key === 'Enter') {
        event.preventDefault();
        confirm(event.currentTarget.value);
      } else if (BROWSING_KEYS.has(event.key) || event.key.length === 1) {
        browsing.current = true;
      }
    },
    onChange(event: React.ChangeEvent<HTMLSelectElement>) {
      if (!browsing.current) confirm(event.target.value);
    },
    onBlur(event: React.FocusEvent<HTMLSelectElement>) {
      if (browsing.current) confirm(event.currentTarget.value);
    },
  };
}

/** Classes grouped by school year, in the order given (the most recent year first). */
function byYear(classes: ClasseOption[]): [string, ClasseOption[]][] {
  const groups = new Map<string, ClasseOption[]>();
  for (const c of classes) groups.set(c.anneeScolaire, [...(groups.get(c.anneeScolaire) ?? []), c]);
  return [...groups];
}

export function SelectionForm(props: SelectionFormProps) {
  const { classes, apprenants, classeId, apprenantId, precedentId, suivantId, children } = props;
  const router = useRouter();
  // False in the server HTML, true once hydrated: the no-script button hides itself.
  const scripted = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [pending, startTransition] = useTransition();

  function go(url: string) {
    startTransition(() => router.push(url));
  }
  const classeChoice = useConfirmedChoice(classeId, (value) =>
    go(`/bilans?classe=${encodeURIComponent(value)}`),
  );
  const apprenantChoice = useConfirmedChoice(apprenantId, (value) =>
    go(pupilPath(value, { classeId })),
  );

  return (
    <form
      method="get"
      action="/bilans"
      aria-label="Sélection de l'apprenant"
      aria-busy={pending}
      className="no-print grid gap-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm md:grid-cols-[minmax(0,1fr)_auto_minmax(0,1.3fr)] md:items-start"
    >
      <div>
        <label htmlFor="classe" className="block text-sm font-semibold text-slate-800">
          Classe
        </label>
        <select
          id="classe"
          name="classe"
          className={selectClass}
          // A new class shown: the list starts again from it (its value is the browser's).
          key={classeId ?? ''}
          defaultValue={classeId ?? ''}
          aria-describedby="choix-clavier"
          {...classeChoice}
        >
          {!classeId && <option value="">— Choisir une classe —</option>}
          {byYear(classes).map(([annee, group], i) => (
            <optgroup
              key={annee}
              label={
                i === 0 ? `Année scolaire ${annee} (la plus récente)` : `Année scolaire ${annee}`
              }
            >
              {group.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.nom} ({c.anneeScolaire})
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>

      <div className="flex items-end justify-center md:mt-6">{children}</div>

      <div>
        <div className="flex items-start gap-2">
          <ArrowButton
            label="Apprenant précédent"
            symbol="←"
            targetId={precedentId}
            classeId={classeId}
            onGo={go}
          />
          <div className="min-w-0 flex-1">
            <label htmlFor="apprenant" className="block text-sm font-semibold text-slate-800">
              Apprenant
            </label>
            <select
              id="apprenant"
              name="apprenant"
              className={selectClass}
              key={`${classeId ?? ''}/${apprenantId ?? ''}`}
              defaultValue={apprenantId ?? ''}
              disabled={apprenants.length === 0}
              aria-describedby="choix-clavier"
              {...apprenantChoice}
            >
              {!apprenantId && (
                <option value="">
                  {apprenants.length
                    ? '— Choisir un apprenant —'
                    : '— Choisir d’abord une classe —'}
                </option>
              )}
              {apprenants.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.nom} {a.prenom}
                </option>
              ))}
            </select>
          </div>
          <ArrowButton
            label="Apprenant suivant"
            symbol="→"
            targetId={suivantId}
            classeId={classeId}
            onGo={go}
          />
        </div>
        <div className="mt-2 flex items-center gap-3">
          <button
            type="submit"
            hidden={scripted}
            className="rounded-md bg-blue-800 px-4 py-1.5 text-sm font-semibold text-white hover:bg-blue-900"
          >
            Afficher
          </button>
          {pending && (
            <p role="status" className="text-sm text-slate-600">
              Chargement…
            </p>
          )}
        </div>
        <p id="choix-clavier" className="mt-1 text-xs text-slate-600">
          Au clavier : parcourez une liste avec les flèches, puis validez avec Entrée.
        </p>
      </div>
    </form>
  );
}
