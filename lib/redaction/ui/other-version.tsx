// A colleague's version of the draft, shown beside yours after a save that found it newer:
// its date, levels, texts and marks, read as the form's fields (yours stay in the form).
import type { CompetenceForm } from './competence-form';

export function OtherVersion({
  titre,
  saisie,
  competences,
}: {
  titre: string;
  saisie: Record<string, string>;
  competences: CompetenceForm[];
}) {
  const lignes = Number(saisie.lignes ?? 0);
  const notes = Array.from({ length: lignes }, (_, i) => ({
    libelle: saisie[`note:${i}:libelle`] ?? '',
    valeur: saisie[`note:${i}:valeur`] ?? '',
    coefficient: saisie[`note:${i}:coefficient`] ?? '',
  }));
  return (
    <aside
      aria-labelledby="autre-version-titre"
      className="mt-8 rounded-md border border-slate-400 bg-slate-50 px-4 py-3"
    >
      <h2 id="autre-version-titre" className="text-lg font-semibold">
        {titre}
      </h2>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium">Date</dt>
        <dd>{saisie.date ? saisie.date.split('-').reverse().join('/') : '—'}</dd>
        {competences.map((k) => (
          <div key={k.code} className="contents">
            <dt className="font-medium">{k.code}</dt>
            <dd>{saisie[`niveau:${k.code}`] ?? 'non positionnée'}</dd>
          </div>
        ))}
        <dt className="font-medium">Constats</dt>
        <dd className="whitespace-pre-line">{saisie.constats || '—'}</dd>
        <dt className="font-medium">Conseils</dt>
        <dd className="whitespace-pre-line">{saisie.conseils || '—'}</dd>
        <dt className="font-medium">Notes</dt>
        <dd>
          {notes.length === 0
            ? '—'
            : notes
                .map((n) => `${n.libelle} : ${n.valeur}/20 (coef. ${n.coefficient})`)
                .join(' ; ')}
        </dd>
      </dl>
    </aside>
  );
}
