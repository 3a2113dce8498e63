// The write API's OpenAPI 3.1 document, generated from the schemas that validate it.
import { openApiDocument } from '@/lib/alimentation/openapi';

export const dynamic = 'force-static';

export function GET() {
  return Response.json(openApiDocument(), { headers: { 'Cache-Control': 'public, max-age=300' } });
}
