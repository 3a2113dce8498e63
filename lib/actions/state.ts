// What a form's server action answers the page it was posted from (React's useActionState):
// shared by the actions (lib/actions/validated-action.ts) and the forms that show it
// (lib/ui/forms/). Without JavaScript the page is rendered again with it; with JavaScript the
// form updates in place. Never a status code: sentences, beside the field they concern.

export interface ActionState {
  /** `idle` before the first post. */
  status: 'idle' | 'erreur' | 'ok';
  /** The sentence at the form's top: what went wrong, or what was done. */
  message?: string;
  /** The problem of each field, by its name, shown beside it. */
  champs?: Record<string, string>;
  /** What was typed, by field name, written back into the form after a refusal. */
  saisie?: Record<string, string>;
  /** A value shown once, with a « Copier » button (a token: it is stored hashed). */
  secret?: string;
  /** Counts the answers: fields are drawn again, with what was typed, after each one. */
  envoi?: number;
  /** Another version of what the form holds (a colleague's draft), shown beside it. */
  autre?: { titre: string; saisie: Record<string, string> };
  /** The form asks for a confirmation before its last step (a bilan's validation). */
  confirmer?: boolean;
}

export const IDLE: ActionState = { status: 'idle' };
