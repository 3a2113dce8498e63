// The Content-Security-Policy of the module's pages: scripts run only with the nonce drawn
// for this request (Next.js reads it from the request's CSP header and puts it on its own
// scripts), nothing is loaded from elsewhere, and no one may frame us. Styles allow inline
// attributes because the radar chart sets them; a style cannot run code.
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/**
 * `formTargets`: origins a form of ours may lead to — the ENT's, where the « Se connecter
 * avec l'ENT » form is redirected (browsers apply form-action to a form's redirects too).
 */
export function pageCsp(
  nonce: string,
  { development = false, formTargets = [] as string[] } = {},
): string {
  return [
    "default-src 'self'",
    // React's development build evaluates strings for its error overlay.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    ['form-action', "'self'", ...formTargets].join(' '),
    "frame-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** HSTS only means something over https; browsers ignore it on http. */
export const HSTS = 'max-age=63072000; includeSubDomains';

/**
 * What every answer carries (next.config.mjs sets it on pages and files); for the answers
 * proxy.ts makes itself, which do not always pass through that configuration.
 */
export const BASE_SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
};
