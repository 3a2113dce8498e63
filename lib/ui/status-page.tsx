// A centred message page (404, 403, errors), in the module's visual language. It speaks in
// words: the status code is the response's (and `data-statut`, for tools), never shown to the
// reader — « Page introuvable » says what « 404 » would not.
/** What the page says above its title, instead of a status code. */
export const STATUS_KICKER = 'CPRO — Bilans des compétences';

export function StatusPage({
  code,
  title,
  children,
}: {
  code: string;
  title: string;
  children: React.ReactNode;
}) {
  return (
    <main
      data-statut={code}
      className="mx-auto flex min-h-[70vh] max-w-xl flex-col justify-center px-6 py-16"
    >
      <p className="text-sm font-semibold tracking-wide text-slate-600 uppercase">
        {STATUS_KICKER}
      </p>
      <h1 className="mt-2 text-3xl font-bold text-slate-900">{title}</h1>
      <div className="mt-4 text-lg text-slate-700">{children}</div>
    </main>
  );
}
