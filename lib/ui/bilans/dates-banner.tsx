// The banner of a pupil's bilan dates, oldest to newest, grouped by school year and the
// pupil's class that year (« 2025-2026 · 2de CIEL | 2026-2027 · 1re CIEL »); each date a link
// to its own URL, saying its term (« T2 ») — councils and PRONOTE work by term. Every date is
// there whatever its referential; one of another referential than the shown bilan's (an SN
// archive beside CIEL bilans) says which. Links keep the class the teacher came from.
import Link from 'next/link';
import type { BilanDate } from '@/lib/bilans/bilan-view';
import { formatDateFr } from '@/lib/common/dates';
import { pupilPath } from '@/lib/http/paths';
import { LinkPending } from '@/lib/ui/link-pending';

function groups(bilans: BilanDate[]): { label: string; bilans: BilanDate[] }[] {
  const result: { label: string; bilans: BilanDate[] }[] = [];
  for (const b of bilans) {
    const label = b.classe ? `${b.anneeScolaire} · ${b.classe}` : b.anneeScolaire;
    const last = result.at(-1);
    if (last?.label === label) last.bilans.push(b);
    else result.push({ label, bilans: [b] });
  }
  return result;
}

export function DatesBanner({
  apprenantId,
  bilans,
  afficheId,
  referentiel,
  classeId,
}: {
  apprenantId: string;
  bilans: BilanDate[];
  afficheId: string;
  /** The shown bilan's referential (« CIEL »). */
  referentiel: string;
  /** The class selected, kept in the links. */
  classeId: string;
}) {
  return (
    <nav aria-label="Dates des bilans" className="no-print">
      <ul className="flex flex-wrap items-start gap-x-4 gap-y-3">
        {groups(bilans).map((group, g) => (
          <li
            key={group.label}
            className={`flex flex-col gap-1 ${g > 0 ? 'border-l-2 border-slate-300 pl-4' : ''}`}
          >
            <span className="text-xs font-semibold text-slate-700">{group.label}</span>
            <ol className="flex flex-wrap gap-2" aria-label={group.label}>
              {group.bilans.map((b) => {
                const current = b.id === afficheId;
                return (
                  <li key={b.id}>
                    <Link
                      href={pupilPath(apprenantId, { bilanId: b.id, classeId })}
                      aria-current={current ? 'page' : undefined}
                      className={`inline-flex flex-col rounded-md border px-3 py-1.5 text-sm font-medium ${
                        current
                          ? 'border-blue-800 bg-blue-800 text-white'
                          : 'border-slate-300 bg-white text-blue-800 hover:bg-blue-50'
                      }`}
                    >
                      <span>
                        {formatDateFr(b.date)}
                        {b.periode && <span className="font-normal"> · {b.periode}</span>}
                      </span>
                      {b.referentiel !== referentiel && (
                        <span className="text-xs font-normal">bac pro {b.referentiel}</span>
                      )}
                      {!b.valide && (
                        <span className="text-xs font-normal">en cours de validation</span>
                      )}
                      <LinkPending />
                    </Link>
                  </li>
                );
              })}
            </ol>
          </li>
        ))}
      </ul>
    </nav>
  );
}
