// The class document: a first page listing the pupils — with the page each one's bilan
// starts on — and who has no bilan yet, then each pupil's latest bilan, in list order. It
// is printed in parts (lib/impression/classe/class-parts.ts): a few pupils per part, then the cover
// with its index; each pupil's running header is stamped when the parts are joined
// (lib/pdf/merge.ts).
import 'server-only';
import type { DerniersBilansView } from '@/lib/bilans/derniers-bilans';
import { formatDateFr } from '@/lib/common/dates';
import { BilanImprime } from '../bilan/print';

export function DerniersBilansImprimes({
  view,
  jour,
  couverture,
  premieresPages = null,
}: {
  view: DerniersBilansView;
  jour: string;
  /** The cover part; otherwise `view.apprenants` are the pupils of this part. */
  couverture: boolean;
  /** On the cover: the first page of each pupil with a bilan, in list order. */
  premieresPages?: number[] | null;
}) {
  if (!couverture) {
    return view.apprenants.map(({ apprenant, view: v }, index) => (
      <BilanImprime key={apprenant.id} view={v} nouvellePage={index > 0} />
    ));
  }
  return <Couverture view={view} jour={jour} premieresPages={premieresPages} />;
}

function Couverture({
  view,
  jour,
  premieresPages,
}: {
  view: DerniersBilansView;
  jour: string;
  premieresPages: number[] | null;
}) {
  const sansBilan = view.apprenants.filter((a) => !a.view.affiche);
  // The pupils with a bilan are printed in list order: the n-th of them starts on page[n].
  const pageOf = new Map(
    view.apprenants
      .filter((a) => a.view.affiche)
      .map((a, n) => [a.apprenant.id, premieresPages?.[n]] as const),
  );
  return (
    <>
      <section className="space-y-4">
        <p className="text-sm text-slate-700">{view.etablissementNom}</p>
        <h1 className="text-2xl font-bold">
          Derniers bilans intermédiaires — {view.classe.nom} ({view.classe.anneeScolaire})
        </h1>
        <p>Document imprimé le {formatDateFr(jour)}.</p>
        {/* One sentence rather than a section: a page that only says « none » is paper wasted. */}
        <p>
          {sansBilan.length === 0
            ? `Les ${view.apprenants.length} apprenants de la classe ont au moins un bilan.`
            : `${view.apprenants.length - sansBilan.length} apprenants sur ${view.apprenants.length} ont un bilan ; sans bilan : ${sansBilan.map(({ apprenant }) => `${apprenant.nom} ${apprenant.prenom}`).join(', ')}.`}
        </p>
        <table className="w-full border-collapse text-[9.5pt] leading-tight">
          <thead>
            <tr className="border-b-2 border-slate-400 text-left">
              <th className="py-0.5">Apprenant</th>
              <th className="py-0.5">Dernier bilan</th>
              <th className="py-0.5 text-right">Page</th>
            </tr>
          </thead>
          <tbody>
            {view.apprenants.map(({ apprenant, view: v }) => (
              <tr key={apprenant.id} className="border-b border-slate-200">
                <td className="py-0.5">
                  {apprenant.nom} {apprenant.prenom}
                </td>
                <td className="py-0.5">
                  {v.affiche
                    ? `${formatDateFr(v.affiche.date)}${v.affiche.periode ? ` · ${v.affiche.periode}` : ''}${v.affiche.valideLe ? '' : ' (en cours de validation)'}`
                    : 'aucun bilan'}
                </td>
                <td className="py-0.5 text-right tabular-nums">{pageOf.get(apprenant.id) ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
