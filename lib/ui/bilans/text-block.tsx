// Constats or conseils: the teacher's text, escaped by React, line breaks kept.
export function TextBlock({ title, text }: { title: string; text: string }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 break-inside-avoid">
      <h2 className="text-base font-semibold text-marine">{title}</h2>
      <p className="mt-1 whitespace-pre-line text-slate-800">{text.trim() || '—'}</p>
    </section>
  );
}
