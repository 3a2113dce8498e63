// Whether PRONOTE can see the shown bilan, and when its export last read it — in a period not
// closed only: PRONOTE reads the validated bilans of a period until its « clôture », never after.
import type { BilanAffiche } from '@/lib/bilans/bilan-view';
import { formatDateTimeFr } from '@/lib/common/dates';

export function PronoteStatus({ bilan }: { bilan: BilanAffiche }) {
  const text = !bilan.periodeOuverte
    ? 'Période close ou à venir : PRONOTE ne lit que les bilans des périodes non closes.'
    : !bilan.valideLe
      ? "Non validé : ce bilan n'est pas encore visible dans PRONOTE."
      : bilan.luParPronoteLe
        ? `Lu par PRONOTE le ${formatDateTimeFr(bilan.luParPronoteLe)}.`
        : 'Validé : pas encore lu par PRONOTE.';
  return <p className="pronote-statut text-sm text-slate-600">{text}</p>;
}
