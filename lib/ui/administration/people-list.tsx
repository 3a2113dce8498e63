// A list of people a preview names (new, renamed, moved…), folded in a <details> that opens
// without JavaScript; long lists stop at 200 names with the count of the rest.
const SHOWN = 200;

export function PeopleList({ summary, items }: { summary: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <details className="mt-2 rounded-md border border-slate-200 bg-white px-3 py-2">
      <summary className="cursor-pointer font-medium text-slate-900">{summary}</summary>
      <ul className="mt-2 list-disc space-y-0.5 pl-6 text-sm text-slate-800">
        {items.slice(0, SHOWN).map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
      {items.length > SHOWN && (
        <p className="mt-1 text-sm text-slate-700">… et {items.length - SHOWN} autres.</p>
      )}
    </details>
  );
}

export function ProblemList({
  title,
  items,
  tone,
}: {
  title: string;
  items: string[];
  tone: 'erreur' | 'avertissement';
}) {
  if (items.length === 0) return null;
  const colours =
    tone === 'erreur'
      ? 'border-red-300 bg-red-50 text-red-900'
      : 'border-amber-300 bg-amber-50 text-amber-900';
  return (
    <div
      role={tone === 'erreur' ? 'alert' : undefined}
      className={`mt-4 rounded-md border px-4 py-3 ${colours}`}
    >
      <p className="font-semibold">{title}</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-6">
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    </div>
  );
}
