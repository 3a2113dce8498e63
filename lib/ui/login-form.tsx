'use client';

// The sign-in form: e-mail and password sent to next-auth's Credentials provider. The
// error message is the same whether the e-mail exists or not.
import { useState } from 'react';
import { signIn } from 'next-auth/react';

const WRONG_CREDENTIALS = 'Adresse électronique ou mot de passe incorrect.';

export function LoginForm({
  callbackUrl,
  initialError,
}: {
  callbackUrl: string;
  initialError: boolean;
}) {
  const [error, setError] = useState<string | null>(initialError ? WRONG_CREDENTIALS : null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn('credentials', {
        email: String(form.get('email') ?? ''),
        password: String(form.get('password') ?? ''),
        redirect: false,
      });
      if (result?.ok && !result.error) {
        window.location.assign(callbackUrl);
        return;
      }
      setError(
        result?.status === 429
          ? 'Trop de tentatives de connexion : la connexion est bloquée pendant 15 minutes.'
          : result?.status === 503
            ? 'Le service est momentanément indisponible. Réessayez dans quelques instants.'
            : result?.error === 'CredentialsSignin' || result?.status === 401
              ? WRONG_CREDENTIALS
              : 'La connexion a échoué. Réessayez dans un instant.',
      );
    } catch {
      setError('La connexion a échoué. Vérifiez votre réseau et réessayez.');
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-slate-800">
          Adresse électronique
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2"
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-800">
          Mot de passe
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 block w-full rounded-md border border-slate-400 px-3 py-2"
        />
      </div>
      {error && (
        <p
          role="alert"
          className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800"
        >
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-blue-700 px-4 py-2 font-semibold text-white hover:bg-blue-800 disabled:opacity-60"
      >
        {pending ? 'Connexion…' : 'Se connecter'}
      </button>
    </form>
  );
}
