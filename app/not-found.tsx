import Link from 'next/link';
import { StatusPage } from '@/lib/ui/status-page';
import { DEFAULT_LINK, NOT_FOUND_MESSAGE, NOT_FOUND_TITLE } from '@/lib/http/message-page';

export default function NotFound() {
  return (
    <StatusPage code="404" title={NOT_FOUND_TITLE}>
      <title>{`${NOT_FOUND_TITLE} — CPRO`}</title>
      <p>{NOT_FOUND_MESSAGE}</p>
      <p className="mt-4">
        <Link href={DEFAULT_LINK.href} className="font-medium text-blue-800 underline">
          {DEFAULT_LINK.label}
        </Link>
      </p>
    </StatusPage>
  );
}
