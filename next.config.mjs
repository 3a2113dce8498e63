// Next.js configuration. PGlite must stay outside the bundle: bundled, its wasm and
// data files become browser URLs and server components fail to open the database.

// Print pages are opened only by our own Chromium, with JavaScript off: they may load
// nothing but our own styles and images, never a frame or a script.
const PRINT_CSP = [
  "default-src 'self'",
  "script-src 'none'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'none'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const STATIC_CSP = "default-src 'none'; frame-ancestors 'none'";

/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['@electric-sql/pglite'],
  // The image ships .next/standalone (the app and only the node_modules it uses) with our
  // compiled server (dist/server.mjs): no sources (deploy/Dockerfile).
  output: 'standalone',

  experimental: {
    authInterrupts: true,
    // The proxy (proxy.ts) buffers a request's body to pass it on, and silently keeps only
    // its first 10 MB by default: a 12 MB batch lost lines. Above the largest body any route
    // takes (lib/http/body-limits.ts, LARGEST_BODY_BYTES; our server refuses larger ones
    // first), so that a body is always passed whole (test: lib/http/body-limits.test.ts).
    proxyClientMaxBodySize: 21 * 1024 * 1024,
    serverActions: {
      // The forms' own limits are enforced before Next.js, per page (lib/http/body-limits.ts):
      // this is the largest, a SIECLE export's upload.
      bodySizeLimit: 21 * 1024 * 1024,
      // Our pages send `Referrer-Policy: no-referrer`, under which browsers post our own forms
      // with `Origin: null`; another site's post is refused before Next.js by its
      // Sec-Fetch-Site (lib/server/http-entry.ts), and carries no SameSite=Lax session cookie.
      allowedOrigins: ['null'],
    },
  },
  poweredByHeader: false,
  async headers() {
    return [
      {
        // Pupils' data: no sniffing, no framing, and bilan URLs (they carry ids) never leak
        // through the Referer header.
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'no-referrer' },
          { key: 'X-Frame-Options', value: 'DENY' },
        ],
      },
      {
        // Pages and API answers get their nonce-based policy from proxy.ts; the files it
        // does not run for get one that allows nothing.
        source: '/:path(_next/.*|favicon.ico)',
        headers: [{ key: 'Content-Security-Policy', value: STATIC_CSP }],
      },
      {
        // The class grid's row save (JSON), which the proxy skips (proxy.ts).
        source: '/classes/:classeId/saisie/ligne',
        headers: [{ key: 'Content-Security-Policy', value: STATIC_CSP }],
      },
      {
        source: '/impression/:path*',
        headers: [
          { key: 'Content-Security-Policy', value: PRINT_CSP },
          { key: 'X-Robots-Tag', value: 'noindex' },
          { key: 'Referrer-Policy', value: 'no-referrer' },
        ],
      },
    ];
  },
};

export default nextConfig;
