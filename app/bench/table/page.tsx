// The benchmarks' reference page (issue #7, bench/scale.ts): "a bare dynamic page of the
// same app with a 21-row table" — same root layout, proxy and security headers as every
// page, but no session and no database: the 21 competences of the referential, rendered
// at each request. It answers the French 404 unless the server was started with
// CPRO_BENCH_PAGES=1, so a school's server never serves it.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { appConfig } from '@/lib/config/env';
import { COMPETENCES_SN } from '@/drizzle/seed/referentiel-sn';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Page de référence des mesures' };

export default function BenchTablePage() {
  if (!appConfig().benchPages) notFound();
  return (
    <main className="mx-auto max-w-7xl px-4 py-6">
      <h1 className="text-2xl font-bold">Compétences du référentiel</h1>
      <p className="mt-2 text-sm text-slate-600">Rendue le {new Date().toISOString()}</p>
      <table className="mt-4 w-full border-collapse text-sm">
        <thead className="bg-slate-100 text-left">
          <tr>
            <th scope="col" className="px-3 py-2">
              Code
            </th>
            <th scope="col" className="px-3 py-2">
              Compétence
            </th>
          </tr>
        </thead>
        <tbody>
          {COMPETENCES_SN.map((c) => (
            <tr key={c.code} className="border-b border-slate-200">
              <th scope="row" className="px-3 py-1.5 text-left font-semibold">
                {c.code}
              </th>
              <td className="px-3 py-1.5">{c.libelle}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
