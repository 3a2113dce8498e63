// « Synthèse de la classe », beside the class selector once a class is chosen.
import Link from 'next/link';

export function SyntheseLink({ classeId }: { classeId: string }) {
  return (
    <Link
      href={`/classes/${classeId}/synthese`}
      className="inline-block rounded-md border border-blue-700 bg-white px-3 py-1.5 text-sm font-semibold text-blue-800 hover:bg-blue-50"
    >
      Synthèse de la classe
    </Link>
  );
}
