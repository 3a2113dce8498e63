// next.config.mjs is plain JavaScript (Next.js reads it before any TypeScript is compiled);
// tests import it to check it against the code's own figures.
declare module '@/next.config.mjs' {
  import type { NextConfig } from 'next';

  const config: NextConfig;
  export default config;
}
