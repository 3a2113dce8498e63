// Constats or conseils: the teacher's text, escaped by React, line breaks kept. Printed, the
// text is bounded (print-bounds.ts) and a cut says so under it.
import { boundForPrint, cutNotice } from '@/lib/ui/impression/print-bounds';

export function TextBlock({
  title,
  text,
  imprime = false,
}: {
  title: string;
  text: string;
  imprime?: boolean;
}) {
  const { text: shown, coupe } = imprime ? boundForPrint(text) : { text, coupe: null };
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 break-inside-avoid">
      <h2 className="text-base font-semibold text-marine">{title}</h2>
      <p className="mt-1 whitespace-pre-line text-slate-800">{shown.trim() || '—'}</p>
      {coupe && <p className="mt-1 text-sm italic text-slate-700">{cutNotice(coupe)}</p>}
    </section>
  );
}
