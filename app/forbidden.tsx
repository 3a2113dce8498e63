import { StatusPage } from '@/lib/ui/status-page';
import { SignOutButtons } from '@/lib/ui/sign-out-buttons';

export default function Forbidden() {
  return (
    <StatusPage code="403" title="Accès réservé aux enseignants">
      <p>
        Le module « Bilans des compétences » est réservé aux enseignants. Votre compte n&apos;a pas
        accès à cette page.
      </p>
      <div className="mt-4">
        <SignOutButtons />
      </div>
    </StatusPage>
  );
}
