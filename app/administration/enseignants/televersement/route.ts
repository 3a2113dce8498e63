import { uploadEnseignants } from '@/lib/administration/http/enseignants';

export const dynamic = 'force-dynamic';

export function POST(request: Request) {
  return uploadEnseignants(request);
}
