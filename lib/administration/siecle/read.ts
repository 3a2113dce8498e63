// An uploaded SIECLE export (the XML, or SIECLE's zip of it) → what it says, for the
// establishment of UAI `uai`; a refusal names what is wrong. In memory, within the limits.
import 'server-only';
import { Refus } from '@/lib/common/refus';
import { xmlTextOf } from '../xml/upload';
import type { SiecleFichier } from './fichier';
import { SIECLE_FORMAT } from './limits';
import { parseSiecle } from './parse';

export async function readSiecleUpload(bytes: Uint8Array, uai: string): Promise<SiecleFichier> {
  const fichier = await parseSiecle(xmlTextOf(bytes, SIECLE_FORMAT));
  if (fichier.uaj !== uai.toUpperCase()) {
    throw new Refus(
      `Ce fichier est celui de l’établissement ${fichier.uaj}, pas du vôtre (${uai}) : rien n’a été importé.`,
    );
  }
  return fichier;
}
