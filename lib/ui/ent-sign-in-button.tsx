// « Se connecter avec l'ENT »: a POST form to next-auth's sign-in route for the `ent`
// provider (with the CSRF token rendered by the server), which sends the browser to the
// ENT's own sign-in page. Works without JavaScript.
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
      <button
        type="submit"
        className="w-full rounded-md border-2 border-blue-700 bg-white px-4 py-2 font-semibold text-blue-800 hover:bg-blue-50"
      >
        Se connecter avec {label}
      </button>
    </form>
  );
}
