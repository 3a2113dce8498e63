// GET /classes/<id>/<kind>/impression/etat: where a long class document's print stands, as
// JSON (lib/common/print-state.ts), for its waiting page — the teacher's session checked
// first (withTeacher, lib/pipeline); an unknown document, a malformed or foreign class is the
// 404. Asking starts the print when no instance has (lib/impression/print-progress.ts).
import 'server-only';
import type { Teacher } from '@/lib/auth/session';
import { AppError } from '@/lib/http/app-error';
import { longPrint } from './print-wait';

export async function servePrintState(
  teacher: Teacher,
  kind: string,
  classeId: string,
  request: Request,
): Promise<Response> {
  const print = await longPrint(teacher, kind, classeId, new URL(request.url).searchParams);
  if (!print) throw new AppError('not_found', "Ce document n'existe pas.");
  return Response.json(print.state, { headers: { 'Cache-Control': 'private, no-store' } });
}
