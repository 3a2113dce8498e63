// The one way a form of the module is handled (saas-starter's validatedAction): a Server
// Action that checks the session and role itself (requireAdministrateur / requireTeacher — a
// signed-out visitor goes to /login, another role gets the 403 page), reads the form's fields
// with a zod schema (NUL refused, each problem beside its field, in French), gives the use case
// its context `{ db, etablissementId, acteur }` (lib/use-cases/context.ts: its journal line is
// written in its transaction), and answers:
// - success: a redirect (303 without JavaScript: no resubmission on reload), or a state to show
//   (a token shown once);
// - a refusal (lib/common/refus.ts): the form again, with what was typed and the problem beside
//   its field; nothing was written.
// Next.js checks the post's origin before any action runs, and our server refuses another
// site's posts before Next.js (lib/server/http-entry.ts). Every form still works without
// JavaScript: React renders the page again with the action's state.
import 'server-only';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { fr } from 'zod/locales';
import { requireAdministrateur, requireTeacher, type SessionUser } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import { AppError } from '@/lib/http/app-error';
import { NUL_MESSAGE, hasNul } from '@/lib/common/nul';
import { isRefus } from '@/lib/common/refus';
import type { UseCaseContext } from '@/lib/use-cases/context';
import { describeError } from '@/lib/observability/safe-errors';
import type { ActionState } from './state';

/** What a use case answers its form: where to go next, or what to show. */
export type ActionOutcome = { redirect: string } | { state: ActionState };

export interface ActionContext<U extends SessionUser> extends UseCaseContext {
  user: U;
}

interface ActionDefinition<U extends SessionUser, S extends z.ZodType, B extends unknown[]> {
  /** The form's fields. */
  schema: S;
  run: (context: ActionContext<U>, data: z.output<S>, ...bound: B) => Promise<ActionOutcome>;
}

/** The form's text fields (files as they are), for the schema and to write them back. */
function fieldsOf(form: FormData): {
  values: Record<string, unknown>;
  saisie: Record<string, string>;
} {
  const values: Record<string, unknown> = {};
  const saisie: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    // React's own fields (the action's id, its bound arguments).
    if (name.startsWith('$ACTION')) continue;
    values[name] = value;
    if (typeof value === 'string') saisie[name] = value;
  }
  return { values, saisie };
}

function refused(
  saisie: Record<string, string>,
  message: string,
  champs: Record<string, string> = {},
): ActionState {
  return { status: 'erreur', message, champs, saisie, envoi: Date.now() };
}

function action<U extends SessionUser, S extends z.ZodType, B extends unknown[]>(
  requireUser: () => Promise<U>,
  definition: ActionDefinition<U, S, B>,
) {
  return async (...args: [...B, ActionState, FormData]): Promise<ActionState> => {
    const form = args[args.length - 1] as FormData;
    const bound = args.slice(0, -2) as B;
    const user = await requireUser();
    const { values, saisie } = fieldsOf(form);
    const withNul = Object.entries(saisie).filter(([, v]) => hasNul(v));
    if (withNul.length > 0) {
      return refused(
        saisie,
        'Le formulaire contient un caractère interdit : rien n’a été enregistré.',
        Object.fromEntries(withNul.map(([name]) => [name, NUL_MESSAGE])),
      );
    }
    const parsed = definition.schema.safeParse(values, { error: fr().localeError });
    if (!parsed.success) {
      const champs: Record<string, string> = {};
      for (const issue of parsed.error.issues)
        champs[String(issue.path[0] ?? '')] ??= issue.message;
      return refused(saisie, 'Le formulaire a des erreurs : rien n’a été enregistré.', champs);
    }
    let outcome: ActionOutcome;
    try {
      outcome = await definition.run(
        {
          db: await getDb(),
          etablissementId: user.etablissement.id,
          acteur: {
            kind: 'compte',
            utilisateurId: user.id,
            libelle: `${user.prenom} ${user.nom} <${user.email}>`,
          },
          user,
        },
        parsed.data,
        ...bound,
      );
    } catch (error) {
      if (isRefus(error)) {
        return refused(saisie, error.message, {
          ...error.autresChamps,
          ...(error.champ ? { [error.champ]: error.message } : {}),
        });
      }
      if (error instanceof AppError) return refused(saisie, error.message);
      if (isDatabaseUnavailable(error)) {
        return refused(
          saisie,
          'Le service est momentanément indisponible : rien n’a été enregistré, réessayez dans un instant.',
        );
      }
      console.error(`[action] ${describeError(error)}`);
      throw error;
    }
    // Outside the try: redirect() throws what Next.js answers with a 303.
    if ('redirect' in outcome) redirect(outcome.redirect);
    return { ...outcome.state, envoi: Date.now() };
  };
}

/** A form of the administration: an administrator of the establishment only. */
export function adminAction<S extends z.ZodType, B extends unknown[] = []>(
  definition: ActionDefinition<SessionUser & { role: 'administrateur' }, S, B>,
) {
  return action(requireAdministrateur, definition);
}

/** A form of a teacher (issue #38's writing forms): a teacher of the establishment only. */
export function teacherAction<S extends z.ZodType, B extends unknown[] = []>(
  definition: ActionDefinition<SessionUser & { role: 'enseignant' }, S, B>,
) {
  return action(requireTeacher, definition);
}

/** A text field: trimmed, required unless `optional`, at most `max` characters. */
export function texte(max: number) {
  return z.string().trim().max(max, `${max} caractères au plus.`);
}
