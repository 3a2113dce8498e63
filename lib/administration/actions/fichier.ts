// An uploaded file of a form, as the actions read it: its bytes, or a refusal beside its field
// when none was chosen. (Its size was bounded before anything read it: lib/http/body-limits.ts.)
import 'server-only';
import { z } from 'zod';
import { Refus } from '@/lib/common/refus';

export const fichierField = z.unknown();

export async function fileBytes(value: unknown, missing: string): Promise<Uint8Array> {
  if (!(value instanceof File) || value.size === 0) throw new Refus(missing, 'fichier');
  return new Uint8Array(await value.arrayBuffer());
}
