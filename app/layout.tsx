import type { Metadata } from 'next';
import './globals.css';
import { NiveauStyles } from '@/lib/ui/bilans/niveau-css';
import { moduleFont } from '@/lib/ui/fonts';

export const metadata: Metadata = {
  title: { default: 'Bilans des compétences — CPRO', template: '%s — CPRO' },
  description:
    'Consultation des bilans intermédiaires de compétences du bac pro CIEL et du bac pro SN',
};

export default function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  return (
    <html lang="fr" className={moduleFont.variable}>
      <body className="min-h-screen">
        <NiveauStyles />
        {children}
      </body>
    </html>
  );
}
