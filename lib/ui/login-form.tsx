'use client';

// The sign-in form: a real POST form to next-auth's Credentials callback, with the CSRF
// token rendered by the server, so that it works before the page's JavaScript has loaded
// (or without it) and a password never reaches a URL. With JavaScript it is sent by
// next-auth's client instead, without leaving the page. The error message is the same
// whether the e-mail exists or not.
import { useEffect, useRef, useState } from 'react';
import { EMPTY_FIELDS, signInErrorMessage, waitOf } from '@/lib/auth/sign-in-messages';

interface Outcome {
  ok: boolean;
  message: string | null;
}

/**
 * What next-auth's client does (its CSRF token, then the callback with `json=true`), done
 * here so that a refusal's `url` — with the lock's real duration — is not thrown away.
 */
async function postSignIn(email: string, password: string, callbackUrl: string): Promise<Outcome> {
  const csrf = (await (await fetch('/api/auth/csrf')).json()) as { csrfToken?: string };
  const response = await fetch('/api/auth/callback/credentials', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      email,
      password,
      csrfToken: csrf.csrfToken ?? '',
      callbackUrl,
      json: 'true',
    }),
  });
  const data = (await response.json().catch(() => ({}))) as { url?: string };
  const url = data.url ? new URL(data.url, window.location.href) : null;
  const code = url?.searchParams.get('error') ?? undefined;
  if (response.ok && !code) return { ok: true, message: null };
  return {
    ok: false,
    message: signInErrorMessage(
      code ?? (response.status === 401 ? 'CredentialsSignin' : 'Inconnue'),
      waitOf(url?.searchParams.get('attente')),
    ),
  };
}

export function LoginForm({
  callbackUrl,
  csrfToken,
  initialError,
}: {
  callbackUrl: string;
  csrfToken: string | null;
  initialError: string | null;
}) {
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);
  const errorRef = useRef<HTMLParagraphElement>(null);
  // A refusal takes the focus, so that a screen reader and the keyboard start from it.
  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    if (!email || !password) {
      setError(EMPTY_FIELDS);
      return;
    }
    setPending(true);
    setError(null);
    try {
      const outcome = await postSignIn(email, password, callbackUrl);
      if (outcome.ok) {
        window.location.assign(callbackUrl);
        return;
      }
      setError(outcome.message);
    } catch {
      setError('La connexion a échoué. Vérifiez votre réseau et réessayez.');
    }
    setPending(false);
  }

  return (
    <form
      method="post"
      action="/api/auth/callback/credentials"
      onSubmit={onSubmit}
      className="mt-6 space-y-4"
      noValidate
    >
      {csrfToken && <input type="hidden" name="csrfToken" value={csrfToken} />}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-slate-800">
          Adresse électronique
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          // The cursor waits in the first field (the error has the focus when there is one).
          autoFocus={!error}
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
          ref={errorRef}
          role="alert"
          tabIndex={-1}
          className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800"
        >
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-blue-800 px-4 py-2 font-semibold text-white hover:bg-blue-900 disabled:opacity-60"
      >
        {pending ? 'Connexion…' : 'Se connecter'}
      </button>
    </form>
  );
}
