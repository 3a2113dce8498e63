import type { Metadata } from 'next';
import { loadClassesPage } from '@/lib/pages/administration';
import { addTeacher, removeTeacher } from '@/lib/administration/actions/equipes';
import { ClassesPage } from '@/lib/ui/administration/classes-page';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Classes et équipes — Administration' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function Page({ searchParams }: { searchParams: SearchParams }) {
  const page = await loadClassesPage(await searchParams);
  return <ClassesPage page={page} actions={{ add: addTeacher, remove: removeTeacher }} />;
}
