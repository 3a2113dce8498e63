'use client';

import { StatusPage } from '@/lib/ui/status-page';

export default function ErrorPage({
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <StatusPage code="Erreur" title="Une erreur est survenue">
      <p>La page n&apos;a pas pu être affichée. Réessayez dans un instant.</p>
      <button
        type="button"
        onClick={reset}
        className="mt-4 rounded-md bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900"
      >
        Réessayer
      </button>
    </StatusPage>
  );
}
