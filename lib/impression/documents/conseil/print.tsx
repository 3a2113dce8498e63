// « Dossier du conseil de classe » on paper: its first part is the class synthesis (A4
// landscape), each of the others a few pupils' latest bilans (A4 portrait), joined into one
// PDF with a bookmark and running header per pupil (lib/impression/classe/pupil-parts.ts).
import 'server-only';
import type { DerniersBilansView } from '@/lib/bilans/derniers-bilans';
import type { SyntheseView } from '@/lib/synthese/query';
import { DerniersBilansImprimes } from '../derniers-bilans/print';
import { SyntheseImprimee } from '@/lib/synthese/document/print';

export type ConseilPartie =
  { synthese: SyntheseView; bilans?: never } | { bilans: DerniersBilansView; synthese?: never };

export function ConseilImprime({ partie, jour }: { partie: ConseilPartie; jour: string }) {
  return partie.synthese ? (
    <SyntheseImprimee view={partie.synthese} />
  ) : (
    <DerniersBilansImprimes view={partie.bilans} jour={jour} couverture={false} />
  );
}
