// The banner of a pupil's bilan dates, oldest to newest; each a link to its own URL. Every
// date is there whatever its referential; one of another referential than the shown bilan's
// (an SN archive beside CIEL bilans) says which.
import Link from 'next/link';
import type { BilanDate } from '@/lib/bilans/bilan-view';
import { formatDateFr } from '@/lib/common/dates';
import { LinkPending } from '@/lib/ui/link-pending';

export function DatesBanner({
  apprenantId,
  bilans,
  afficheId,
  referentiel,
}: {
  apprenantId: string;
  bilans: BilanDate[];
  afficheId: string;
  /** The shown bilan's referential (« CIEL »). */
  referentiel: string;
}) {
  return (
    <nav aria-label="Dates des bilans" className="no-print">
      <ol className="flex flex-wrap gap-2">
        {bilans.map((b) => {
          const current = b.id === afficheId;
          return (
            <li key={b.id}>
              <Link
                href={`/bilans/${apprenantId}/${b.id}`}
                aria-current={current ? 'page' : undefined}
                className={`inline-flex flex-col rounded-md border px-3 py-1.5 text-sm font-medium ${
                  current
                    ? 'border-blue-700 bg-blue-700 text-white'
                    : 'border-slate-300 bg-white text-blue-800 hover:bg-blue-50'
                }`}
              >
                <span>{formatDateFr(b.date)}</span>
                {b.referentiel !== referentiel && (
                  <span className="text-xs font-normal">bac pro {b.referentiel}</span>
                )}
                {!b.valide && <span className="text-xs font-normal">en cours de validation</span>}
                <LinkPending />
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
