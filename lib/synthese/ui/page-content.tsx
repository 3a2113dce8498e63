// « Synthèse de la classe » on screen: where it comes from, the « Au » date and the sort
// (plain links and a GET form: no JavaScript needed), the print and CSV actions, the table,
// the legend of the levels and the list of the competences' labels.
import Link from 'next/link';
import { ClassPageHeading } from '@/lib/ui/bilans/class-page-heading';
import type { SyntheseTri, SyntheseView } from '@/lib/synthese/query';
import { formatDateFr } from '@/lib/common/dates';
import { LegendeNiveaux } from '@/lib/ui/bilans/legende';
import { PdfDownload } from '@/lib/ui/pdf-download';
import { SyntheseTable } from './table';
import { auPeriode, EVOLUTIONS_EXPLIQUEES } from './table-html';

/** The query of a synthesis URL; the defaults (today, by name) are left out. */
export function syntheseQuery(au: string | null, tri: SyntheseTri): string {
  const params = new URLSearchParams();
  if (au) params.set('au', au);
  if (tri !== 'nom') params.set('tri', tri);
  return params.size > 0 ? `?${params}` : '';
}

const TRIS: { tri: SyntheseTri; label: string }[] = [
  { tri: 'nom', label: 'Nom' },
  { tri: 'acquis', label: 'Compétences au moins partiellement acquises (« + » ou « ++ »)' },
];

export function SynthesePageContent({
  view,
  auInvalide,
}: {
  view: SyntheseView;
  auInvalide: string | null;
}) {
  const { classe, au, tri } = view;
  const base = `/classes/${classe.id}/synthese`;
  const query = syntheseQuery(au, tri);
  return (
    <main className="synthese-ecran mx-auto max-w-7xl px-4 py-6">
      <ClassPageHeading classe={classe} titre="Synthèse de la classe" />
      <p className="mt-1 text-slate-700">
        Référentiel : bac pro {view.referentiel.sigle} · {view.lignes.length} élèves, dont{' '}
        {view.avecBilan} avec un bilan ·{' '}
        {au
          ? `situation au ${formatDateFr(au)}${auPeriode(view)}`
          : 'dernier bilan de chaque élève'}
      </p>
      {auInvalide && (
        <p role="alert" className="mt-2 text-red-800">
          « {auInvalide} » n&apos;est pas une date (AAAA-MM-JJ) : la synthèse affichée est celle
          d&apos;aujourd&apos;hui.
        </p>
      )}

      <div className="no-print mt-4 flex flex-wrap items-end gap-x-8 gap-y-3">
        <form method="get" action={base} className="flex flex-wrap items-end gap-2">
          <div>
            <label htmlFor="au" className="block text-sm font-semibold text-slate-800">
              Au (synthèse à une date passée)
            </label>
            <input
              id="au"
              name="au"
              type="date"
              defaultValue={au ?? ''}
              className="mt-1 rounded-md border border-slate-400 px-2 py-1.5"
            />
          </div>
          {tri !== 'nom' && <input type="hidden" name="tri" value={tri} />}
          <button
            type="submit"
            className="rounded-md bg-blue-800 px-4 py-1.5 text-sm font-semibold text-white hover:bg-blue-900"
          >
            Afficher
          </button>
          {au && (
            <Link
              href={`${base}${syntheseQuery(null, tri)}`}
              className="text-sm text-blue-800 underline"
            >
              Aujourd&apos;hui
            </Link>
          )}
        </form>
        {view.periodes.length > 0 && (
          <nav aria-label="Fin de période" className="text-sm">
            <span className="font-semibold text-slate-800">Fin de période : </span>
            {view.periodes.map((p, i) => (
              <span key={p.debut}>
                {i > 0 && ' · '}
                {au === p.fin ? (
                  <strong aria-current="true">
                    {p.court} ({formatDateFr(p.fin)})
                  </strong>
                ) : (
                  <Link
                    href={`${base}${syntheseQuery(p.fin, tri)}`}
                    className="text-blue-800 underline"
                    // The visible words first: a voice user says what they see (WCAG 2.5.3).
                    aria-label={`${p.court} (${formatDateFr(p.fin)}) : synthèse à la fin de ${p.libelle}`}
                  >
                    {p.court} ({formatDateFr(p.fin)})
                  </Link>
                )}
              </span>
            ))}
          </nav>
        )}
        <nav aria-label="Trier les élèves" className="text-sm">
          <span className="font-semibold text-slate-800">Trier par : </span>
          {TRIS.map((t, i) => (
            <span key={t.tri}>
              {i > 0 && ' · '}
              {t.tri === tri ? (
                <strong aria-current="true">{t.label}</strong>
              ) : (
                <Link
                  href={`${base}${syntheseQuery(au, t.tri)}`}
                  className="text-blue-800 underline"
                >
                  {t.label}
                </Link>
              )}
            </span>
          ))}
        </nav>
        <div className="flex flex-wrap items-center gap-3">
          <PdfDownload
            href={`${base}/pdf${query}`}
            label="Imprimer la synthèse"
            pendingLabel="Préparation du PDF de la synthèse…"
          />
          <a
            href={`${base}/csv${query}`}
            download
            className="rounded-md border border-slate-400 bg-white px-3 py-1.5 text-sm font-semibold text-slate-800 hover:bg-slate-100"
          >
            Exporter (CSV)
          </a>
        </div>
      </div>

      <section aria-labelledby="positionnements-titre" className="mt-4">
        <h2 id="positionnements-titre" className="text-lg font-semibold">
          Positionnements des élèves
        </h2>
        <div className="mt-2">
          <SyntheseTable view={view} />
        </div>
        <p className="mt-2 text-sm text-slate-700">{EVOLUTIONS_EXPLIQUEES}</p>
        <div className="mt-4">
          <LegendeNiveaux />
        </div>
      </section>
      <section aria-labelledby="competences-titre" className="mt-4">
        <h2 id="competences-titre" className="text-lg font-semibold">
          Compétences du bac pro {view.referentiel.sigle}
        </h2>
        <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          {view.competences.map((k) => (
            <div key={k.id} className="contents">
              <dt className="font-semibold">{k.code}</dt>
              <dd>{k.libelle}</dd>
            </div>
          ))}
        </dl>
      </section>
    </main>
  );
}
