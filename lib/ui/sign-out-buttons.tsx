// « Se déconnecter » (this browser) and « Se déconnecter de tous les appareils »: plain POST
// forms to /deconnexion (lib/auth/sign-out.ts), so they work without JavaScript.
export function SignOutButtons() {
  const button =
    'rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-100';
  return (
    <div className="flex flex-wrap items-center gap-2">
      <form method="post" action="/deconnexion">
        <button type="submit" className={button}>
          Se déconnecter
        </button>
      </form>
      <form method="post" action="/deconnexion">
        <input type="hidden" name="portee" value="tous" />
        <button type="submit" className={button}>
          Se déconnecter de tous les appareils
        </button>
      </form>
    </div>
  );
}
