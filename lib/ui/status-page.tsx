// A centred message page (404, 403, errors), in the module's visual language.
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
    <main className="mx-auto flex min-h-[70vh] max-w-xl flex-col justify-center px-6 py-16">
      <p className="text-sm font-semibold tracking-wide text-slate-600 uppercase">{code}</p>
      <h1 className="mt-2 text-3xl font-bold text-slate-900">{title}</h1>
      <div className="mt-4 text-lg text-slate-700">{children}</div>
    </main>
  );
}
