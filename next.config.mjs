// Next.js configuration. PGlite must stay outside the bundle: bundled, its wasm and
// data files become browser URLs and server components fail to open the database.
/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['@electric-sql/pglite'],
  experimental: {
    authInterrupts: true,
  },
  poweredByHeader: false,
};

export default nextConfig;
