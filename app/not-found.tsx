import Link from 'next/link';
import { StatusPage } from '@/lib/ui/status-page';

export default function NotFound() {
  return (
    <StatusPage code="404" title="Page introuvable">
      <title>Page introuvable — CPRO</title>
      <p>
        Cette page n&apos;existe pas, ou ce que vous cherchez n&apos;est pas disponible pour votre
        établissement.
      </p>
      <p className="mt-4">
        <Link href="/bilans" className="font-medium text-blue-800 underline">
          Retour aux bilans des compétences
        </Link>
      </p>
    </StatusPage>
  );
}
