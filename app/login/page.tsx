import type { Metadata } from 'next';
import { loadLoginPage } from '@/lib/pages/login';
import { LoginPageContent } from '@/lib/ui/login-page-content';

export const metadata: Metadata = { title: 'Connexion' };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  return <LoginPageContent view={await loadLoginPage(await searchParams)} />;
}
