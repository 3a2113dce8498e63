export default function Loading() {
  return (
    <main className="mx-auto max-w-7xl px-4 py-6" aria-busy="true">
      <p role="status" className="text-slate-700">
        Chargement du bilan…
      </p>
    </main>
  );
}
