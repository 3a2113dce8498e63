// Every form of the administration posts to a route handler that goes through here: the
// administrator's session and role (lib/auth), a form of our own pages (the browser's word
// and the form token), a body read in memory within its limit, then the action. A refusal is
// a French page naming the problem, with the way back; nothing was written. Success answers
// « 303 See Other » to the page to show next (no JavaScript needed, no resubmission on reload).
import { requireAdministrateur, type Administrateur } from '@/lib/auth/session';
import { FORM_TOKEN_FIELD, formTokenMatches } from '@/lib/auth/form-token';
import { getDb } from '@/lib/db/client';
import type { Database } from '@/lib/db/types';
import { sentByAnotherSite } from '@/lib/http/request-origin';
import { messagePage } from '@/lib/http/message-page';
import { readBody } from '@/lib/http/body';
import { BODY_LIMITS, type BodyLimit } from '@/lib/http/body-limits';
import { AppError, asAppError, htmlError } from '@/lib/http/app-error';
import { NUL_MESSAGE, hasNul } from '@/lib/common/nul';
import { Refus, isRefus } from '../refus';
import type { Acteur } from '../journal';

export interface AdminPostContext {
  administrateur: Administrateur;
  acteur: Acteur;
  form: FormData;
  db: Database;
}

export interface AdminPostOptions {
  /** The body's limit (lib/http/body-limits.ts): a small form unless the route takes a file. */
  limit: BodyLimit;
  /** The page the refusal's link goes back to. */
  back: { href: string; label: string };
}

function refusal(status: number, title: string, message: string, back: AdminPostOptions['back']) {
  return messagePage(status, title, message, {}, back);
}

export function seeOther(path: string): Response {
  return new Response(null, {
    status: 303,
    headers: { Location: path, 'Cache-Control': 'private, no-store' },
  });
}

export async function handleAdminPost(
  request: Request,
  options: Partial<AdminPostOptions> & Pick<AdminPostOptions, 'back'>,
  action: (context: AdminPostContext) => Promise<Response>,
): Promise<Response> {
  const administrateur = await requireAdministrateur();
  const { back } = options;
  const limit = options.limit ?? BODY_LIMITS.formulaire;
  if (sentByAnotherSite(request.headers)) {
    return refusal(403, 'Formulaire refusé', 'Ce formulaire ne vient pas du module.', back);
  }
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i.test(contentType)) {
    return refusal(
      415,
      'Formulaire refusé',
      'Ce formulaire n’a pas été envoyé par une page du module.',
      back,
    );
  }
  let body: Buffer;
  try {
    body = await readBody(request, limit);
  } catch (error) {
    if (error instanceof AppError) {
      return refusal(error.status, error.details.title ?? 'Envoi refusé', error.message, back);
    }
    throw error;
  }
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), {
      headers: { 'Content-Type': contentType },
    }).formData();
  } catch {
    return refusal(
      400,
      'Formulaire illisible',
      'Le formulaire envoyé est incomplet ou illisible.',
      back,
    );
  }
  if (!(await formTokenMatches(form.get(FORM_TOKEN_FIELD)))) {
    return refusal(
      403,
      'Formulaire expiré',
      'Ce formulaire a expiré (nouvelle connexion, ou page trop ancienne) : rechargez la page et recommencez.',
      back,
    );
  }
  const acteur: Acteur = {
    kind: 'compte',
    utilisateurId: administrateur.id,
    libelle: `${administrateur.prenom} ${administrateur.nom} <${administrateur.email}>`,
  };
  try {
    return await action({ administrateur, acteur, form, db: await getDb() });
  } catch (error) {
    if (isRefus(error)) return refusal(422, 'Demande refusée', error.message, back);
    const known = asAppError(error);
    if (known) return htmlError(known);
    throw error;
  }
}

/** A text field of the form (null when absent or a file); NUL, which no column holds, refused. */
export function field(form: FormData, name: string): string | null {
  const value = form.get(name);
  if (typeof value !== 'string') return null;
  if (hasNul(value)) throw new Refus(`Champ « ${name} » : ${NUL_MESSAGE}`);
  return value;
}

/** The bytes of an uploaded file field, or null when no file was chosen. */
export async function fileField(form: FormData, name: string): Promise<Uint8Array | null> {
  const value = form.get(name);
  if (!value || typeof value === 'string' || value.size === 0) return null;
  return new Uint8Array(await value.arrayBuffer());
}
