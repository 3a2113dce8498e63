// An uploaded XML export, zipped or not, as text: within its size (the zip's entry read from
// the archive's directory before anything is inflated), an XML document (not a PDF or a CSV
// sent by mistake), decoded as its declaration says. Each refusal names the problem.
import 'server-only';
import { Refus } from '@/lib/common/refus';
import { isZip, xmlFromZip } from './archive';
import { decodeXml, looksLikeXml } from './decode';
import type { XmlFormat } from './format';

export function xmlTextOf(bytes: Uint8Array, format: XmlFormat): string {
  if (bytes.length === 0) throw new Refus('Le fichier est vide.');
  if (bytes.length > format.maxBytes) throw new Refus(`Le fichier dépasse ${format.maxLabel}.`);
  const xml = isZip(bytes)
    ? xmlFromZip(bytes, {
        expected: format.fileInZip,
        maxBytes: format.maxBytes,
        maxLabel: format.maxLabel,
      })
    : bytes;
  if (!looksLikeXml(xml)) {
    throw new Refus(`Ce fichier n’est pas ${format.name} : ce n’est pas un fichier XML.`);
  }
  return decodeXml(xml, format.exporter);
}
