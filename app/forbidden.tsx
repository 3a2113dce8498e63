import Link from 'next/link';
import { StatusPage } from '@/lib/ui/status-page';
import { SignOutButtons } from '@/lib/ui/sign-out-buttons';
import { loadForbiddenPage } from '@/lib/pages/forbidden';

export default async function Forbidden() {
  const { administrationPage, administrateur } = await loadForbiddenPage();
  return administrationPage ? (
    <StatusPage code="403" title="Accès réservé aux administrateurs">
      <title>Accès refusé — CPRO</title>
      <p>
        L&apos;administration du module est réservée à l&apos;administrateur CPRO de
        l&apos;établissement. Votre compte n&apos;a pas accès à cette page.
      </p>
      <div className="mt-4">
        <SignOutButtons />
      </div>
    </StatusPage>
  ) : (
    <StatusPage code="403" title="Accès réservé aux enseignants">
      <title>Accès refusé — CPRO</title>
      <p>
        Le module « Bilans des compétences » est réservé aux enseignants. Votre compte n&apos;a pas
        accès à cette page.
      </p>
      {administrateur && (
        <p className="mt-2">
          <Link href="/administration" className="text-blue-800 underline">
            Aller à l’administration du module
          </Link>
        </p>
      )}
      <div className="mt-4">
        <SignOutButtons />
      </div>
    </StatusPage>
  );
}
