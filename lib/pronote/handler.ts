// GET /api/pronote/v1/bilans: bearer token → establishment (lib/pipeline's withApiToken),
// parameters → period and page, JSON (default) or CSV, ETag / If-None-Match, and a trace of the
// call. Errors are the JSON answers of lib/http/app-error.ts with a French message: 401 token,
// 400 parameters, 403 a period closed or not begun, 404 period, 503 database.
import 'server-only';
import crypto from 'node:crypto';
import { AppError, jsonError } from '@/lib/http/app-error';
import { formatDateFr, todayInParis } from '@/lib/common/dates';
import type { TokenHandler } from '@/lib/pipeline';
import { toCsv } from './csv';
import { readExportedBilans, readExportParams, traceExportRead, findPeriode } from './export';

const NO_STORE = 'private, no-store';

/**
 * The export for the token's establishment (behind withApiToken('pronote', …): lib/pipeline
 * checks the token and answers every error as JSON). `today` (YYYY-MM-DD, Europe/Paris) decides
 * the current period; tests pin it.
 */
export function exportRoute(today?: string): TokenHandler {
  return async (request, { db, jeton }) => {
    const url = new URL(request.url);
    // A parameter it cannot read is its 400 (an AppError: the pipeline answers it).
    const params = readExportParams(url.searchParams);
    const found = await findPeriode(db, jeton.etablissementId, params.periode, today);
    if (!found) {
      return jsonError(
        new AppError(
          'not_found',
          params.periode === 'courante'
            ? "Aucune période n'est en cours aujourd'hui."
            : 'Période inconnue pour cet établissement.',
          { code: 'periode_introuvable' },
        ),
      );
    }
    const { periode, ouverte } = found;
    if (!ouverte) {
      // The product's rule: PRONOTE sees the validated bilans of the periods not closed only
      // (begun, and before their « clôture ») — a closed or future period is refused before
      // anything is read or traced. The code stays `periode_non_courante` (PRONOTE's clients
      // know it).
      return jsonError(
        new AppError(
          'forbidden',
          `Seuls les bilans des périodes non closes sont transmis à PRONOTE : « ${periode.libelle} ${periode.anneeScolaire} » ${periode.debut > (today ?? todayInParis()) ? "n'a pas commencé" : `est close depuis le ${formatDateFr(periode.cloture)}`}.`,
          { code: 'periode_non_courante' },
        ),
      );
    }
    const { bilans, suivant } = await readExportedBilans(
      db,
      jeton.etablissementId,
      periode,
      params,
    );

    const next = new URL(url);
    if (suivant) next.searchParams.set('curseur', suivant);
    const headers: Record<string, string> = { 'Cache-Control': NO_STORE, 'API-Version': 'v1' };
    if (suivant) headers.Link = `<${next.pathname}${next.search}>; rel="next"`;

    const body =
      params.format === 'csv'
        ? toCsv(jeton.uai, periode, bilans)
        : JSON.stringify({
            version: 'v1',
            etablissement: { uai: jeton.uai, nom: jeton.etablissementNom },
            periode,
            bilans,
            suivant,
          });
    headers['Content-Type'] =
      params.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8';
    if (params.format === 'csv')
      headers['Content-Disposition'] = `attachment; filename="cpro-bilans-${jeton.uai}.csv"`;
    headers.ETag = `"${crypto.createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;

    await traceExportRead(
      db,
      jeton.jetonId,
      jeton.etablissementId,
      periode.id,
      bilans.map((b) => b.id),
    );

    const known = request.headers.get('if-none-match');
    if (known && known.split(',').some((tag) => tag.trim() === headers.ETag)) {
      return new Response(null, {
        status: 304,
        headers: { ETag: headers.ETag, 'Cache-Control': NO_STORE },
      });
    }
    return new Response(body, { status: 200, headers });
  };
}
