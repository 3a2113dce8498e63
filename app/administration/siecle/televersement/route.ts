import { uploadSiecle } from '@/lib/administration/http/siecle';

export const dynamic = 'force-dynamic';

export function POST(request: Request) {
  return uploadSiecle(request);
}
