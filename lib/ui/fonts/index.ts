// The module's one font, shipped with it: Liberation Sans 2 (SIL OFL; Arial's metrics, which
// the printed layout was made with), regular and bold, subset to what French names and our
// pages print (scripts/subset-fonts.ts). Pages, print pages, their margins and the radar use it
// whatever fonts the server or the teacher's machine has, so a PDF prints the same everywhere
// (Chromium embeds it). next/font serves and preloads the files from our own origin.
import localFont from 'next/font/local';

export const moduleFont = localFont({
  src: [
    { path: './liberation-sans-400.woff2', weight: '400', style: 'normal' },
    { path: './liberation-sans-700.woff2', weight: '700', style: 'normal' },
  ],
  variable: '--font-cpro',
  display: 'swap',
  fallback: ['sans-serif'],
});
