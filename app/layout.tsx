import type { Metadata } from 'next';
import './globals.css';
import { NiveauStyles } from '@/lib/ui/bilans/niveau-css';

export const metadata: Metadata = {
  title: { default: 'Bilans des compétences — CPRO', template: '%s — CPRO' },
  description:
    'Consultation des bilans intermédiaires de compétences du bac pro CIEL et du bac pro SN',
};

export default function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  return (
    <html lang="fr">
      <body className="min-h-screen">
        <NiveauStyles />
        {/* The first stop of the keyboard: past the header, to the page's content. */}
        <a
          href="#contenu"
          className="sr-only rounded-md bg-white px-3 py-2 font-medium text-blue-800 focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50"
        >
          Aller au contenu
        </a>
        {children}
      </body>
    </html>
  );
}
