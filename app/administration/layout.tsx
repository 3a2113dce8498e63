import { requireAdministrateur } from '@/lib/auth/session';
import { AdminHeader } from '@/lib/ui/administration/admin-header';
import { PageLoaded } from '@/lib/ui/heading-focus';

export default async function AdministrationLayout({ children }: { children: React.ReactNode }) {
  const administrateur = await requireAdministrateur();
  return (
    <>
      <AdminHeader administrateur={administrateur} />
      <div id="contenu" tabIndex={-1} className="outline-none">
        {children}
      </div>
      <PageLoaded />
    </>
  );
}
