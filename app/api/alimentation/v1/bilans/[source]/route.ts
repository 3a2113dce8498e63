// The write API (v1): bilans sent by a school's tools, authenticated by an establishment's
// `alimentation` token, not by a session. See docs/alimentation.md.
import { serveBilan } from '@/lib/alimentation/handler';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ source: string }> };

export async function PUT(request: Request, { params }: Params) {
  return serveBilan(request, (await params).source);
}

export async function GET(request: Request, { params }: Params) {
  return serveBilan(request, (await params).source);
}

export async function DELETE(request: Request, { params }: Params) {
  return serveBilan(request, (await params).source);
}
