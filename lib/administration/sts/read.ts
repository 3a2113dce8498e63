// An uploaded STS-Web export (the XML, or its zip) → what it says, for the establishment of
// UAI `uai`; a refusal names what is wrong. In memory, within the limits — the same
// protections as SIECLE's (lib/administration/xml).
import 'server-only';
import { Refus } from '@/lib/common/refus';
import { xmlTextOf } from '../xml/upload';
import type { StsFichier } from './fichier';
import { STS_FORMAT } from './limits';
import { parseSts } from './parse';

export async function readStsUpload(bytes: Uint8Array, uai: string): Promise<StsFichier> {
  const fichier = await parseSts(xmlTextOf(bytes, STS_FORMAT));
  if (fichier.uaj !== uai.toUpperCase()) {
    throw new Refus(
      `Ce fichier est celui de l’établissement ${fichier.uaj}, pas du vôtre (${uai}) : rien n’a été importé.`,
    );
  }
  return fichier;
}
