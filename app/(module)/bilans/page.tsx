import type { Metadata } from 'next';
import { requireTeacher } from '@/lib/auth/session';
import { getDb } from '@/lib/db/client';
import { classeLabel, listClasses } from '@/lib/bilans/classes';

export const metadata: Metadata = { title: 'Bilans des compétences' };
export const dynamic = 'force-dynamic';

export default async function BilansPage() {
  const teacher = await requireTeacher();
  const classes = await listClasses(await getDb(), teacher.etablissement.id);
  return (
    <main className="mx-auto max-w-7xl px-4 py-6">
      <h1 className="text-2xl font-bold">Bilans des compétences</h1>
      <h2 className="mt-6 text-lg font-semibold">Classes de l&apos;établissement</h2>
      <ul className="mt-2 list-disc pl-6">
        {classes.map((c) => (
          <li key={c.id}>{classeLabel(c)}</li>
        ))}
      </ul>
    </main>
  );
}
