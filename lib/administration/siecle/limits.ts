// What a SIECLE export may be: 20 Mo once uncompressed (a lycée of 4 000 pupils exports about
// 10 Mo), which bounds the memory of one import whatever is sent; its elements nest six deep
// (BEE_ELEVES/DONNEES/STRUCTURES/STRUCTURES_ELEVE/STRUCTURE/CODE_STRUCTURE), a few more in
// the fields the module skips.
import 'server-only';
import type { XmlFormat } from '../xml/format';

export const SIECLE_MAX_BYTES = 20 * 1024 * 1024;
export const SIECLE_MAX_LABEL = '20 Mo';

export const SIECLE_FORMAT: XmlFormat = {
  name: 'un export SIECLE « ElevesSansAdresses »',
  exporter: 'SIECLE',
  root: 'BEE_ELEVES',
  maxDepth: 12,
  maxBytes: SIECLE_MAX_BYTES,
  maxLabel: SIECLE_MAX_LABEL,
  fileInZip: 'l’export ElevesSansAdresses.xml',
};
