// « Notes du bilan »: each mark's label, value out of 20 and coefficient, with a French
// decimal comma — what PRONOTE will read into the report card, for the teacher to check
// before it does. Says so when the bilan has none.
import type { NoteBilan } from '@/lib/bilans/bilan-view';
import {
  boundForPrint,
  PRINTED_LABEL_LIMIT,
  PRINTED_NOTES_LIMIT,
} from '@/lib/ui/impression/print-bounds';

const nombre = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 2 });

export function NotesBlock({ notes, imprime = false }: { notes: NoteBilan[]; imprime?: boolean }) {
  // On paper, a bounded list of marks with bounded labels (print-bounds.ts).
  const shown = imprime ? notes.slice(0, PRINTED_NOTES_LIMIT) : notes;
  const label = (text: string) => (imprime ? boundForPrint(text, PRINTED_LABEL_LIMIT).text : text);
  return (
    <section
      aria-labelledby="notes-titre"
      className="notes rounded-lg border border-slate-200 bg-white p-4 break-inside-avoid"
    >
      <h2 id="notes-titre" className="text-base font-semibold text-marine">
        Notes du bilan
      </h2>
      {notes.length === 0 ? (
        <p className="mt-1 text-slate-700">Aucune note n&apos;est associée à ce bilan.</p>
      ) : (
        <table className="mt-1 text-sm">
          <caption className="sr-only">
            Notes du bilan reprises dans le bulletin par PRONOTE
          </caption>
          <thead>
            <tr>
              <th scope="col" className="pr-6 text-left font-semibold">
                Évaluation
              </th>
              <th scope="col" className="pr-6 text-right font-semibold">
                Note
              </th>
              <th scope="col" className="text-right font-semibold">
                Coefficient
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((n) => (
              <tr key={n.libelle}>
                <th scope="row" className="pr-6 text-left font-normal">
                  {label(n.libelle)}
                </th>
                <td className="pr-6 text-right tabular-nums">{nombre.format(n.valeur)} / 20</td>
                <td className="text-right tabular-nums">{nombre.format(n.coefficient)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {shown.length < notes.length && (
        <p className="mt-1 text-sm italic text-slate-700">
          {`Liste tronquée à l'impression : ${shown.length} notes sur ${notes.length}. La liste complète se lit sur la page du bilan dans CPRO.`}
        </p>
      )}
    </section>
  );
}
