// « Se déconnecter » (this browser) and « Se déconnecter de tous les appareils »: plain POST
// forms to /deconnexion (lib/auth/sign-out.ts), so they work without JavaScript. Ending
// every session (the school PC, the phone…) asks first: a disclosure whose confirmation is
// the form's button, still without JavaScript.
export function SignOutButtons() {
  const button =
    'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100';
  return (
    <div className="flex flex-wrap items-start gap-2">
      <form method="post" action="/deconnexion">
        <button type="submit" className={button}>
          Se déconnecter
        </button>
      </form>
      <details className="relative">
        <summary className={`${button} cursor-pointer list-none`}>
          Se déconnecter de tous les appareils
        </summary>
        <form
          method="post"
          action="/deconnexion"
          className="absolute right-0 z-20 mt-1 w-72 space-y-2 rounded-md border border-slate-300 bg-white p-3 text-sm shadow-lg"
        >
          <input type="hidden" name="portee" value="tous" />
          <p>Toutes vos sessions seront fermées : cet ordinateur, les autres, votre téléphone.</p>
          <button
            type="submit"
            className="rounded-md bg-red-800 px-3 py-1.5 font-semibold text-white hover:bg-red-900"
          >
            Confirmer la déconnexion partout
          </button>
        </form>
      </details>
    </div>
  );
}
