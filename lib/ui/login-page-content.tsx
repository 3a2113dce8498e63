// The sign-in page (/login): the password form and a button per ENT way turned on, in the
// ways' order (lib/auth/ways/), and a refusal said where the form would have said it.
import type { LoginEntry } from '@/lib/auth/ways/way';
import { LoginForm } from './login-form';
import { WaySignInButton } from './way-sign-in-button';

export function LoginPageContent({
  view,
}: {
  view: {
    callbackUrl: string;
    csrfToken: string | null;
    error: string | null;
    entries: LoginEntry[];
  };
}) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-12">
      <div className="w-full max-w-md rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <p className="text-sm font-semibold tracking-wide text-marine uppercase">CPRO</p>
        <h1 className="mt-1 text-2xl font-bold">Bilans des compétences</h1>
        <p className="mt-2 text-slate-600">Connectez-vous avec votre compte enseignant.</p>
        {view.entries.map((entry) =>
          entry.type === 'bouton' ? (
            <WaySignInButton
              key={entry.action}
              label={entry.label}
              method={entry.method}
              action={entry.action}
              callbackUrl={view.callbackUrl}
              csrfToken={entry.csrf ? view.csrfToken : null}
            />
          ) : (
            <LoginForm
              key="formulaire"
              callbackUrl={view.callbackUrl}
              csrfToken={view.csrfToken}
              initialError={view.error}
            />
          ),
        )}
        {/* Without the password form, a refusal is said here. */}
        {!view.entries.some((e) => e.type === 'formulaire') && view.error && (
          <p role="alert" className="mt-4 text-sm text-red-800">
            {view.error}
          </p>
        )}
      </div>
    </main>
  );
}
