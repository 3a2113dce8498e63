// Where a state-changing request comes from, as the browser tells it (Sec-Fetch-Site, and
// Origin for older browsers). Two questions: did it surely come from one of our pages (a
// sign-out form: nothing else may end a teacher's session), and did it surely come from
// another site (a sign-in post that must not even be counted, lib/auth/next-auth/sign-in-guard.ts).

type HeaderSource = Pick<Headers, 'get'>;

function originIsHost(headers: HeaderSource): boolean | null {
  const origin = headers.get('origin');
  const host = headers.get('host');
  if (!origin) return null;
  if (!host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    // `Origin: null` (a sandboxed frame, a redirect across sites) or garbage.
    return false;
  }
}

/** A form of one of our pages: the browser says so, or its Origin is the host it posted to. */
export function postedFromOurPages(headers: HeaderSource): boolean {
  const site = headers.get('sec-fetch-site');
  if (site) return site === 'same-origin';
  return originIsHost(headers) === true;
}

/**
 * The browser says another site sent this request. A client that says nothing (a script,
 * an old browser) is not presumed cross-site: other checks (CSRF token) apply to it. Our
 * pages send `Referrer-Policy: no-referrer`, under which a browser posts our own forms with
 * `Origin: null`: that says nothing either.
 */
export function sentByAnotherSite(headers: HeaderSource): boolean {
  const site = headers.get('sec-fetch-site');
  if (site) return site !== 'same-origin' && site !== 'none';
  if (headers.get('origin') === 'null') return false;
  return originIsHost(headers) === false;
}
