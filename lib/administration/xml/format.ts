// What an administration import expects of an XML export (SIECLE's, STS-Web's): its root
// element, how deep its elements nest, how large it may be, what its zip holds, and how the
// refusals name it. The readers of this folder take one.

import 'server-only';
export interface XmlFormat {
  /** The file, as a refusal names it: « un export SIECLE (ElevesSansAdresses.xml) ». */
  name: string;
  /** Who exports it, for encoding hints: « SIECLE ». */
  exporter: string;
  /** Its root element. */
  root: string;
  /**
   * How deep its elements may nest: a little more than the format's own depth. Deeper is
   * refused at once (a file nested 40 000 deep made the old reader quadratic).
   */
  maxDepth: number;
  /** The largest XML accepted (uncompressed), and how a refusal says it. */
  maxBytes: number;
  maxLabel: string;
  /** What its zip must hold alone: « l’export ElevesSansAdresses.xml ». */
  fileInZip: string;
}
