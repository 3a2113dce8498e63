// The table of « Préparation PRONOTE », on screen and on paper: one row per pupil, the state
// of their bilan of the period written out with a symbol (never a colour alone), its marks
// and PRONOTE's last read.
import type {
  EtatPronote,
  PreparationPronoteView,
  SuiviPeriode,
} from '@/lib/preparation-pronote/query';
import { formatDateFr, formatDateTimeFr } from '@/lib/common/dates';
import { pupilPath, redactionPath } from '@/lib/http/paths';
import type { LignePronote } from '@/lib/preparation-pronote/query';

/** « 7/9 positionnées · constats écrits · Julien LAMBERT, le 05/12/2026 à 14:03 ». */
function progression(
  brouillon: NonNullable<LignePronote['brouillon']>,
  competences: number,
): string {
  const qui = brouillon.modifiePar ?? 'l’outil de l’établissement';
  return `${brouillon.positionnees}/${competences} positionnées · ${brouillon.texte ? 'constats ou conseils écrits' : 'sans constats ni conseils'} · ${qui}, le ${formatDateTimeFr(brouillon.modifieLe)}`;
}

const ETATS: Record<EtatPronote, { symbole: string; texte: string; classe: string }> = {
  valide: { symbole: '●', texte: 'Validé', classe: 'text-green-800' },
  en_cours: { symbole: '…', texte: 'En cours de validation', classe: 'text-orange-800' },
  aucun: { symbole: '○', texte: 'Aucun bilan dans la période', classe: 'text-red-800' },
};

export function PreparationPronoteTable({
  view,
  suivi,
  imprime = false,
}: {
  view: PreparationPronoteView;
  suivi: SuiviPeriode;
  imprime?: boolean;
}) {
  return (
    <table className="pronote-preparation w-full border-collapse text-left text-sm">
      <caption className="sr-only">
        Bilans de la période {suivi.periode.libelle} {suivi.periode.anneeScolaire} des élèves de{' '}
        {view.classe.nom}
      </caption>
      <thead>
        <tr className="border-b-2 border-slate-400">
          <th scope="col" className="py-1 pr-3">
            Élève
          </th>
          <th scope="col" className="py-1 pr-3">
            Bilan de la période
          </th>
          <th scope="col" className="py-1 pr-3">
            Brouillon
          </th>
          <th scope="col" className="py-1 pr-3">
            Notes
          </th>
          <th scope="col" className="py-1">
            Lu par PRONOTE
          </th>
        </tr>
      </thead>
      <tbody>
        {suivi.lignes.map(({ apprenant, etat, bilan, brouillon }) => {
          const nom = `${apprenant.nom} ${apprenant.prenom}`;
          const e = ETATS[etat];
          return (
            <tr key={apprenant.id} className="border-b border-slate-200 align-top">
              <th scope="row" className="py-1 pr-3 font-medium">
                {imprime ? (
                  nom
                ) : (
                  <a
                    href={pupilPath(apprenant.id, { bilanId: bilan?.id, classeId: view.classe.id })}
                    className="text-blue-800 underline"
                  >
                    {nom}
                  </a>
                )}
              </th>
              <td className={`py-1 pr-3 ${e.classe}`}>
                <span aria-hidden="true">{e.symbole} </span>
                {e.texte}
                {bilan &&
                  ` — bilan du ${formatDateFr(bilan.date)}${bilan.valideLe ? `, validé le ${formatDateFr(bilan.valideLe.slice(0, 10))}` : ''}`}
              </td>
              <td className="py-1 pr-3">
                {brouillon ? progression(brouillon, view.competences) : 'aucun'}
                {!imprime && view.equipe && (brouillon || etat !== 'valide') && (
                  <>
                    {' '}
                    <a href={redactionPath(apprenant.id)} className="text-blue-800 underline">
                      {brouillon ? 'Reprendre le brouillon' : 'Rédiger un bilan'}
                      <span className="sr-only"> de {nom}</span>
                    </a>
                  </>
                )}
              </td>
              <td className="py-1 pr-3">
                {!bilan
                  ? '—'
                  : bilan.notes === 0
                    ? 'aucune note'
                    : `${bilan.notes} note${bilan.notes > 1 ? 's' : ''}`}
              </td>
              <td className="py-1">
                {!bilan
                  ? '—'
                  : bilan.luLe
                    ? `le ${formatDateTimeFr(bilan.luLe)}`
                    : etat === 'valide'
                      ? 'pas encore lu'
                      : 'ne sera lu qu’une fois validé'}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** « 24 validés, 3 en cours de validation, 3 sans bilan ; 2 sans note ». */
export function resumePronote({ compte, lignes }: SuiviPeriode): string {
  const s = (count: number) => (count > 1 ? 's' : '');
  return `${lignes.length} élèves : ${compte.valide} bilan${s(compte.valide)} validé${s(compte.valide)}, ${compte.en_cours} en cours de validation, ${compte.aucun} sans bilan ; ${compte.sansNote} bilan${s(compte.sansNote)} sans note.`;
}
