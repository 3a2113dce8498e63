// « Se connecter avec l'ENT »: by OpenID Connect, a POST form to next-auth's sign-in route
// for the `ent` provider (with the CSRF token rendered by the server); by CAS, a GET form to
// /login/cas. Either sends the browser to the ENT's own sign-in page, without JavaScript.
const BUTTON_CLASS =
  'w-full rounded-md border-2 border-blue-700 bg-white px-4 py-2 font-semibold text-blue-800 hover:bg-blue-50';

export function EntSignInButton({
  label,
  callbackUrl,
  csrfToken,
}: {
  label: string;
  callbackUrl: string;
  csrfToken: string | null;
}) {
  return (
    <form method="post" action="/api/auth/signin/ent" className="mt-6">
      {csrfToken && <input type="hidden" name="csrfToken" value={csrfToken} />}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <button type="submit" className={BUTTON_CLASS}>
        Se connecter avec {label}
      </button>
    </form>
  );
}

export function CasSignInButton({ label, callbackUrl }: { label: string; callbackUrl: string }) {
  return (
    <form method="get" action="/login/cas" className="mt-6">
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <button type="submit" className={BUTTON_CLASS}>
        Se connecter avec {label}
      </button>
    </form>
  );
}
