// On a class's page: a period has ended, PRONOTE still reads it until its closing day, and
// pupils of the class still have a draft of it — PRONOTE will not read those unless validated.
import Link from 'next/link';
import { formatDateFr } from '@/lib/common/dates';

interface ClotureProche {
  libelle: string;
  anneeScolaire: string;
  cloture: string;
  brouillons: number;
}

export function ClotureWarning({
  classeId,
  clotures,
}: {
  classeId: string;
  clotures: ClotureProche[];
}) {
  if (clotures.length === 0) return null;
  return (
    <div role="note" className="mt-3 rounded-md border border-amber-400 bg-amber-50 p-3">
      {clotures.map((c) => (
        <p key={`${c.libelle}-${c.anneeScolaire}`}>
          <strong>
            {c.libelle} {c.anneeScolaire} : {c.brouillons}{' '}
            {c.brouillons === 1
              ? 'bilan est encore un brouillon'
              : 'bilans sont encore des brouillons'}
          </strong>
          . La période est terminée ; PRONOTE lit ses bilans validés jusqu&apos;au{' '}
          {formatDateFr(c.cloture)}, jamais un brouillon.{' '}
          <Link href={`/classes/${classeId}/pronote`} className="text-blue-800 underline">
            Voir la préparation PRONOTE
          </Link>
        </p>
      ))}
    </div>
  );
}
