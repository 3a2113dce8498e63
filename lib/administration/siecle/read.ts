// An uploaded SIECLE export (the XML, or SIECLE's zip of it) → what it says, for the
// establishment of UAI `uai`; a refusal names what is wrong. In memory, within the limits.
import { Refus } from '../refus';
import { isZip, xmlFromZip } from './archive';
import { decodeXml } from './decode';
import type { SiecleFichier } from './fichier';
import { SIECLE_MAX_BYTES, SIECLE_MAX_LABEL } from './limits';
import { parseSiecle } from './parse';

export function readSiecleUpload(bytes: Uint8Array, uai: string): SiecleFichier {
  if (bytes.length === 0) throw new Refus('Le fichier est vide.');
  if (bytes.length > SIECLE_MAX_BYTES) {
    throw new Refus(`Le fichier dépasse ${SIECLE_MAX_LABEL}.`);
  }
  const xml = isZip(bytes) ? xmlFromZip(bytes) : bytes;
  const fichier = parseSiecle(decodeXml(xml));
  if (fichier.uaj !== uai.toUpperCase()) {
    throw new Refus(
      `Ce fichier est celui de l’établissement ${fichier.uaj}, pas du vôtre (${uai}) : rien n’a été importé.`,
    );
  }
  return fichier;
}
