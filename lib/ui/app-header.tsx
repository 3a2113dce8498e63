// The shared header: module name, the teacher's establishment and name, « Se déconnecter » (this browser, or every device).
import Link from 'next/link';
import type { Teacher } from '@/lib/auth/session';
import { SignOutButtons } from './sign-out-buttons';
import { SkipLink } from './skip-link';

export function AppHeader({ teacher }: { teacher: Teacher }) {
  return (
    <header className="no-print border-b border-slate-200 bg-white">
      <SkipLink />
      <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <div>
          <Link href="/bilans" className="text-lg font-bold text-marine hover:underline">
            CPRO · Bilans des compétences
          </Link>
          <p className="text-sm text-slate-600">{teacher.etablissement.nom}</p>
        </div>
        <div className="flex items-center gap-4">
          <p className="text-sm text-slate-700">
            <span className="sr-only">Connecté en tant que </span>
            {teacher.prenom} {teacher.nom}
          </p>
          <SignOutButtons />
        </div>
      </div>
    </header>
  );
}
