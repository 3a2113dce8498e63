// The top of a page about a class (its synthesis, « Préparation PRONOTE »): the way back to
// the class's list, and the page's title naming the class and its school year.
import Link from 'next/link';
import type { ClasseOption } from '@/lib/bilans/classes';

export function ClassPageHeading({ classe, titre }: { classe: ClasseOption; titre: string }) {
  return (
    <>
      <p className="no-print text-sm">
        <Link href={`/bilans?classe=${classe.id}`} className="text-blue-800 underline">
          ← Retour à la classe {classe.nom} ({classe.anneeScolaire})
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">
        {titre} {classe.nom} ({classe.anneeScolaire})
      </h1>
    </>
  );
}
