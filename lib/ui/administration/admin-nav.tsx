'use client';
// The sections of the administration; the current one says so (aria-current).
import Link from 'next/link';
import { usePathname } from 'next/navigation';

const SECTIONS = [
  { href: '/administration', label: 'Accueil' },
  { href: '/administration/siecle', label: 'Import SIECLE' },
  { href: '/administration/enseignants', label: 'Enseignants' },
  { href: '/administration/classes', label: 'Classes et équipes' },
  { href: '/administration/sts', label: 'Import STS-Web' },
  { href: '/administration/periodes', label: 'Périodes' },
  { href: '/administration/pronote', label: 'PRONOTE' },
  { href: '/administration/alimentation', label: 'Alimentation' },
  { href: '/administration/journal', label: 'Journal' },
];

export function AdminNav() {
  const pathname = usePathname();
  const current = (href: string) =>
    href === '/administration' ? pathname === href : pathname.startsWith(href);
  return (
    <nav aria-label="Administration" className="mx-auto max-w-6xl px-4 pb-2">
      <ul className="flex flex-wrap gap-1">
        {SECTIONS.map((s) => (
          <li key={s.href}>
            <Link
              href={s.href}
              aria-current={current(s.href) ? 'page' : undefined}
              className={`block rounded-md px-3 py-1.5 text-sm font-medium ${
                current(s.href)
                  ? 'bg-marine text-white'
                  : 'text-blue-800 hover:bg-blue-50 hover:underline'
              }`}
            >
              {s.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
