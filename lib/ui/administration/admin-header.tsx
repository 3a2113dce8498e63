// The administration's header: the module, the establishment, the administrator, the
// sections (the current one marked for screen readers too) and « Se déconnecter ».
import Link from 'next/link';
import type { Administrateur } from '@/lib/auth/session';
import { SignOutButtons } from '../sign-out-buttons';
import { AdminNav } from './admin-nav';
import { SkipLink } from '../skip-link';

export function AdminHeader({ administrateur }: { administrateur: Administrateur }) {
  return (
    <header className="no-print border-b border-slate-200 bg-white">
      <SkipLink />
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <div>
          <Link href="/administration" className="text-lg font-bold text-marine hover:underline">
            CPRO · Administration du module Bilans
          </Link>
          <p className="text-sm text-slate-600">
            {administrateur.etablissement.nom} ({administrateur.etablissement.uai})
          </p>
        </div>
        <div className="flex items-center gap-4">
          <p className="text-sm text-slate-700">
            <span className="sr-only">Connecté en tant que </span>
            {administrateur.prenom} {administrateur.nom}
          </p>
          <SignOutButtons />
        </div>
      </div>
      <AdminNav />
    </header>
  );
}
