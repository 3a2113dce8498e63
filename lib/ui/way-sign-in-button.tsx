// « Se connecter avec … »: the form a sign-in way through the school's ENT gives the login
// page (lib/auth/ways/): a POST to next-auth with the CSRF token rendered by the server
// (OpenID Connect) or a GET (CAS), either sending the browser to the ENT, without JavaScript.
const BUTTON_CLASS =
  'w-full rounded-md border-2 border-blue-700 bg-white px-4 py-2 font-semibold text-blue-800 hover:bg-blue-50';

export function WaySignInButton({
  label,
  method,
  action,
  callbackUrl,
  csrfToken,
}: {
  label: string;
  method: 'get' | 'post';
  action: string;
  callbackUrl: string;
  /** Sent when the way's form needs it (posts to next-auth). */
  csrfToken: string | null;
}) {
  return (
    <form method={method} action={action} className="mt-6">
      {csrfToken && <input type="hidden" name="csrfToken" value={csrfToken} />}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <button type="submit" className={BUTTON_CLASS}>
        Se connecter avec {label}
      </button>
    </form>
  );
}
