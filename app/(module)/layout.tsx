import { requireTeacher } from '@/lib/auth/session';
import { AppHeader } from '@/lib/ui/app-header';
import { PageLoaded } from '@/lib/ui/heading-focus';

export default async function ModuleLayout({ children }: { children: React.ReactNode }) {
  const teacher = await requireTeacher();
  return (
    <>
      <AppHeader teacher={teacher} />
      <div id="contenu" tabIndex={-1} className="outline-none">
        {children}
      </div>
      <PageLoaded />
    </>
  );
}
