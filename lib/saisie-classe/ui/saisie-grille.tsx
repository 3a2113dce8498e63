'use client';
// « Saisie de la classe »'s grid, with JavaScript: the rows' state (lib/saisie-classe/ui/model.ts),
// their saves — a row when the cursor leaves it, and every few seconds while typing, through
// POST /classes/<id>/saisie/ligne —, what is not yet saved kept in the browser until the
// server has it, leaving the page with unsaved rows asked first. Drawn as the keyboard grid on
// a wide screen, one pupil at a time on a phone. Before JavaScript runs (or without it), the
// same rows as a form of selects posted whole (GrilleFormulaire).
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import type { Niveau } from '@/lib/bilans/niveaux';
import { redactionPath } from '@/lib/http/paths';
import {
  afterSave,
  initialLines,
  isDirty,
  keepMine,
  mergeServer,
  restore,
  rowBody,
  setLevel,
  takeTheirs,
  toKeep,
  unsaved,
  withAcknowledged,
  type Gardee,
  type LigneSaisie,
  type Lignes,
  type Reponse,
} from './model';
import { GrilleClavier } from './grille-clavier';
import type { CompetenceColonne, FormAction, LigneProps } from './rows';
import { GrilleTelephone } from './grille-telephone';
import { GrilleFormulaire } from './grille-formulaire';
import { LignesARevoir } from './lignes-a-revoir';
import { ValidationForm } from './validation-form';

const noSubscription = () => () => {};

/** How often rows typed in are saved while the teacher keeps typing. */
const AUTOSAVE_MS = 3000;

function readKept(key: string): Record<string, Gardee> {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as Record<string, Gardee>) : {};
  } catch {
    return {};
  }
}

function writeKept(key: string, lignes: Lignes) {
  try {
    const kept = toKeep(lignes);
    if (Object.keys(kept).length === 0) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, JSON.stringify(kept));
  } catch {
    // A full or refused storage: the rows still show « non enregistré » and the page asks
    // before it is left.
  }
}

async function post(url: string, body: unknown): Promise<Reponse> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(body),
      credentials: 'same-origin',
      redirect: 'manual',
    });
  } catch {
    return {
      resultat: 'echec',
      message: 'connexion perdue — gardé dans ce navigateur, réessai automatique',
    };
  }
  if (response.type === 'opaqueredirect' || response.status === 401) {
    return {
      resultat: 'echec',
      message:
        'session expirée — reconnectez-vous dans un autre onglet ; la saisie est gardée dans ce navigateur',
    };
  }
  const json = (await response.json().catch(() => null)) as
    (Reponse & { erreur?: undefined }) | { erreur: string; message: string } | null;
  if (!json) return { resultat: 'echec', message: `réponse illisible du serveur` };
  if ('erreur' in json && json.erreur) return { resultat: 'refus', message: json.message };
  return json as Reponse;
}

export function SaisieGrille({
  classeId,
  classe,
  cleLocale,
  competences,
  lignes: initiales,
  saveGrid,
  validateGrid,
}: {
  classeId: string;
  /** « Tle CIEL », for the grid's name. */
  classe: string;
  cleLocale: string;
  competences: CompetenceColonne[];
  lignes: LigneProps[];
  saveGrid: FormAction;
  validateGrid: FormAction;
}) {
  // False in the server's HTML and before hydration, true after: the grid replaces the form.
  const enhanced = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  // The server's rows, with those kept in this browser put back once JavaScript runs.
  const base = useMemo(
    () =>
      enhanced ? restore(initialLines(initiales), readKept(cleLocale)) : initialLines(initiales),
    [enhanced, cleLocale, initiales],
  );
  const [state, setState] = useState<Lignes | null>(null);
  const lignes = state ?? base;
  const setLignes = useCallback(
    (update: (all: Lignes) => Lignes) => setState((all) => update(all ?? base)),
    [base],
  );
  // The server's rows after a refresh (a validation): rows with nothing pending take them.
  const [shown, setShown] = useState(initiales);
  if (shown !== initiales) {
    setShown(initiales);
    setState((all) => mergeServer(all ?? base, initiales));
  }
  // What the saves read: the rows as last drawn.
  const current = useRef(lignes);
  useLayoutEffect(() => {
    current.current = lignes;
  });
  const sending = useRef(new Set<string>());
  // Each row's last save the server acknowledged, known before the grid draws it.
  const acked = useRef(new Map<string, LigneSaisie['base']>());
  const codes = useMemo(() => competences.map((k) => k.code), [competences]);

  useEffect(() => {
    if (enhanced) writeKept(cleLocale, lignes);
  }, [enhanced, cleLocale, lignes]);

  const save = useCallback(
    async (id: string) => {
      const drawn = current.current[id];
      if (!drawn || drawn.etat === 'valide' || sending.current.has(id)) return;
      const l = withAcknowledged(drawn, acked.current.get(id));
      if (l.statut === 'conflit' || (!isDirty(l) && l.statut !== 'erreur')) return;
      sending.current.add(id);
      const sent = l.niveaux;
      setLignes((all) => ({ ...all, [id]: { ...all[id]!, statut: 'envoi' } }));
      const reponse = await post(`/classes/${classeId}/saisie/ligne`, rowBody(id, l, codes));
      if (reponse.resultat === 'enregistre') {
        acked.current.set(id, { source: reponse.source, version: reponse.version, niveaux: sent });
      }
      sending.current.delete(id);
      setLignes((all) => {
        const row = all[id]!;
        const next = afterSave(
          { ...row, statut: isDirty(row) ? 'modifie' : row.statut },
          sent,
          reponse,
        );
        return { ...all, [id]: next };
      });
    },
    [classeId, codes, setLignes],
  );

  // Every few seconds: the rows typed in (and those a lost connection left unsaved).
  useEffect(() => {
    if (!enhanced) return;
    const timer = window.setInterval(() => {
      for (const [id, l] of Object.entries(current.current)) {
        if (l.statut === 'modifie' || (l.statut === 'erreur' && isDirty(l))) void save(id);
      }
    }, AUTOSAVE_MS);
    return () => window.clearInterval(timer);
  }, [enhanced, save]);

  // Leaving with rows the server does not have: the browser asks first.
  useEffect(() => {
    if (!enhanced) return;
    const ask = (event: BeforeUnloadEvent) => {
      if (Object.values(current.current).some((l) => l.etat !== 'valide' && unsaved(l))) {
        event.preventDefault();
      }
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [enhanced]);

  const type = useCallback(
    (id: string, code: string, niveau: Niveau | null) => {
      setLignes((all) => {
        const row = all[id];
        if (!row || row.etat === 'valide') return all;
        return { ...all, [id]: setLevel(row, code, niveau) };
      });
    },
    [setLignes],
  );

  const resolve = useCallback(
    (id: string, choice: 'miens' | 'siens' | 'reessayer') => {
      setLignes((all) => {
        const row = all[id]!;
        if (choice === 'miens') return { ...all, [id]: keepMine(row) };
        if (choice === 'siens') return { ...all, [id]: takeTheirs(row) };
        return { ...all, [id]: { ...row, statut: 'modifie' } };
      });
      if (choice !== 'siens') window.setTimeout(() => void save(id), 0);
    },
    [save, setLignes],
  );

  // « Rédiger un bilan » for constats and conseils: the row saved first, so that the form
  // starts from what was typed here.
  const open = useCallback(
    async (id: string) => {
      await save(id);
      window.location.assign(redactionPath(id));
    },
    [save],
  );

  // A row left: saved once the level just typed is drawn (and so in `current`).
  const leave = useCallback((id: string) => window.setTimeout(() => void save(id), 0), [save]);

  const rows = initiales.map((l) => ({ ...l, saisie: lignes[l.id]! }));

  return (
    <>
      {enhanced ? (
        <>
          <div className="hidden md:block">
            <GrilleClavier
              classe={classe}
              competences={competences}
              rows={rows}
              onType={type}
              onLeaveRow={leave}
              onOpen={(id) => void open(id)}
            />
          </div>
          <div className="md:hidden">
            <GrilleTelephone
              competences={competences}
              rows={rows}
              onType={type}
              onLeaveRow={leave}
            />
          </div>
          <LignesARevoir rows={rows} onResolve={resolve} />
        </>
      ) : (
        <GrilleFormulaire action={saveGrid} competences={competences} rows={rows} />
      )}
      <ValidationForm action={validateGrid} competences={competences} rows={rows} />
    </>
  );
}
