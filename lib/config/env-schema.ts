// The building blocks of the environment's schema (lib/config/env.ts), made of zod 4's own
// coercions and checks — an integer within bounds, a 0/1 flag, a yes/no, a URL of given
// protocols, a text — each with the French message that names what was expected and what
// was received. An empty variable is an unset one. Also used by the sign-in ways'
// configuration slices (lib/auth/ways/*/config.ts), which env.ts gathers. Each variable carries
// its documentation for the school's administrator (`variable()`, in zod's own registry): the
// one source of docs/configuration.md and .env.example (lib/config/variables-doc.ts).
import { z } from 'zod';

/** What a variable is for, in French for the school's administrator. */
export interface VariableDoc {
  /** The section of the page. */
  groupe: 'Serveur' | 'Base de données' | 'Connexion' | 'ENT' | 'Impression PDF' | 'Exploitation';
  description: string;
  /** The value when unset, as the page says it. */
  defaut: string;
  /** What .env.example writes after `=` (empty: unset). */
  exemple?: string;
}

/** Every variable's documentation, by its schema (zod 4's registries: `.register()`). */
export const variableDocs = z.registry<VariableDoc>();

/** A variable's schema with its documentation (its own copy: building blocks are shared). */
export function variable<S extends z.ZodType>(schema: S, doc: VariableDoc): S {
  const own = schema.clone() as S;
  variableDocs.add(own, doc);
  return own;
}

/** An empty variable is an unset one (`PORT=` in a .env file). */
function unsetWhenEmpty(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

const received = (input: unknown) => `(reçu « ${String(input)} »)`;

/** An integer variable within [min, max], `fallback` when unset or empty. */
export function integer(min: number, max: number, fallback: number) {
  const error = (issue: { input: unknown }) =>
    `doit être un nombre entier de ${min} à ${max} ${received(issue.input)}`;
  return z.preprocess(
    unsetWhenEmpty,
    z
      .string()
      .trim()
      .regex(/^-?\d+$/, { error })
      .transform(Number)
      .pipe(z.number().int({ error }).min(min, { error }).max(max, { error }))
      .default(fallback),
  );
}

/** `0` or `1` (unset: 0). */
export function flag() {
  return z.preprocess(
    unsetWhenEmpty,
    z
      .enum(['0', '1'], { error: (issue) => `doit valoir 0 ou 1 ${received(issue.input)}` })
      .default('0')
      .transform((value) => value === '1'),
  );
}

/** `true`/`1` or `false`/`0` (unset: `fallback`). */
export function yesNo(fallback: boolean) {
  return z.preprocess(
    unsetWhenEmpty,
    z
      .stringbool({
        truthy: ['true', '1'],
        falsy: ['false', '0'],
        error: (issue) => `doit valoir true ou false ${received(issue.input)}`,
      })
      .default(fallback),
  );
}

/** A URL whose scheme is one of `protocols` (`https:`…); unset or empty: undefined. */
export function url(protocols: string[]) {
  const schemes = protocols.map((p) => p.replace(/:$/, ''));
  return z.preprocess(
    unsetWhenEmpty,
    z
      .url({
        protocol: new RegExp(`^(${schemes.join('|')})$`),
        error: (issue) => `doit être une URL ${protocols.join(' ou ')}//… ${received(issue.input)}`,
      })
      .optional(),
  );
}

/** A text; unset or empty: undefined. */
export const optionalText = z.preprocess(unsetWhenEmpty, z.string().optional());
