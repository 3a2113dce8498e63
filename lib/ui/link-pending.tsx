'use client';

// Shown inside a <Link> while the page it leads to loads (no loading.tsx: a Suspense
// boundary would send 200 before a 404 is known, and hide the page without JavaScript).
import { useLinkStatus } from 'next/link';

export function LinkPending() {
  const { pending } = useLinkStatus();
  return pending ? (
    <span role="status" className="text-xs font-normal">
      Chargement…
    </span>
  ) : null;
}
