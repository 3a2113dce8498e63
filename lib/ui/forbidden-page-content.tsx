// The 403 page: which refusal (a writing page of a class's team, the administration, the module
// itself) and the way on — back to the bilans, to the administration, or sign out.
import Link from 'next/link';
import { StatusPage } from './status-page';
import { SignOutButtons } from './sign-out-buttons';

export function ForbiddenPageContent({
  page: { administrationPage, administrateur, equipePage },
}: {
  page: { administrationPage: boolean; administrateur: boolean; equipePage: boolean };
}) {
  if (equipePage) {
    return (
      <StatusPage code="403" title="Réservé à l’équipe pédagogique de la classe">
        <title>Accès refusé — CPRO</title>
        <p>
          Les bilans d&apos;un élève sont rédigés par l&apos;équipe pédagogique de sa classe de
          cette année. Vous n&apos;en faites pas partie : vous pouvez lire ses bilans, pas les
          écrire. L&apos;administrateur CPRO de l&apos;établissement compose les équipes.
        </p>
        <p className="mt-2">
          <Link href="/bilans" className="text-blue-800 underline">
            Retour aux bilans
          </Link>
        </p>
      </StatusPage>
    );
  }
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
