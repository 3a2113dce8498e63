// The route a request took, as a pattern (`/bilans/:id/:id/pdf`): what logs and metrics name
// instead of the path — a path's ids are personal data (a pupil's) and its query string too,
// and a label per path would let anyone grow the metrics without bound. A path that matches no
// route of ours is `(autre)`.
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const PATTERNS: RegExp[] = [
  /^\/$/,
  /^\/login(\/(preparation|cas|identite-inconnue))?$/,
  /^\/deconnexion$/,
  /^\/indisponible$/,
  /^\/bilans$/,
  /^\/bilans\/:id(\/:id(\/pdf)?)?$/,
  /^\/classes\/:id\/(synthese(\/csv)?|derniers-bilans\/pdf|synthese\/pdf|conseil\/pdf|pronote)$/,
  /^\/impression\/[a-z-]+(\/:id)*$/,
  /^\/administration(\/(siecle|enseignants|periodes|pronote|alimentation|journal))?$/,
  /^\/administration\/siecle\/(televersement|:id(\/application)?)$/,
  /^\/administration\/enseignants\/(televersement|import\/:id(\/application)?|:id\/(desactivation|reactivation|identite(\/suppression)?))$/,
  /^\/administration\/periodes\/(ajout|:id\/(modification|suppression))$/,
  /^\/administration\/(pronote|alimentation)\/jetons(\/:id\/revocation)?$/,
  /^\/api\/auth\/[a-z]+(\/[a-z-]+)?$/,
  /^\/api\/health(\/live)?$/,
  /^\/api\/metrics$/,
  /^\/api\/pronote\/v1\/bilans$/,
  /^\/api\/alimentation\/v1\/(bilans\/:source|lots|openapi\.json)$/,
];

export function routePattern(url: string | undefined): string {
  const path = (url ?? '/').split('?')[0]!.split('#')[0]!;
  if (path.startsWith('/_next/')) return '/_next/*';
  if (path === '/favicon.ico') return '/favicon.ico';
  const segments = path.split('/').map((segment, i, all) => {
    if (UUID.test(segment)) return ':id';
    // The write API's source is the sender's id: never in a log either.
    if (i === 5 && all[1] === 'api' && all[2] === 'alimentation' && all[4] === 'bilans')
      return ':source';
    return segment;
  });
  const pattern = segments.join('/') || '/';
  return PATTERNS.some((p) => p.test(pattern)) ? pattern : '(autre)';
}
