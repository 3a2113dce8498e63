// The text of an XML file, decoded as its declaration says. SIECLE and STS-Web export in ISO-8859-15
// (« Œ », « œ », « € » differ from ISO-8859-1 there); files edited by hand come back in UTF-8,
// with or without a byte-order mark. Bytes that are not valid in the declared encoding are a
// refusal, never a silently mangled name.
import 'server-only';
import { Refus } from '@/lib/common/refus';

// Labels the WHATWG decoder knows under other names are mapped to what a French school sends.
const ENCODINGS: Record<string, string> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'iso-8859-15': 'iso-8859-15',
  'iso8859-15': 'iso-8859-15',
  latin9: 'iso-8859-15',
  'iso-8859-1': 'windows-1252',
  'latin-1': 'windows-1252',
  latin1: 'windows-1252',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
};

/** The encoding named by the XML declaration (`<?xml … encoding="…"?>`), lower-cased, or null. */
export function declaredEncoding(bytes: Uint8Array): string | null {
  // The declaration is ASCII in every encoding we accept: read the first bytes as Latin-1.
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const declaration = /^<\?xml\s[^?]*\?>/.exec(head.replace(/^\uFEFF|^\u00EF\u00BB\u00BF/, ''));
  if (!declaration) return null;
  const encoding = /\sencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(declaration[0]);
  return encoding ? encoding[1]!.toLowerCase() : null;
}

/**
 * Whether the bytes begin as an XML document does (after a byte-order mark and blanks, `<`):
 * a PDF, a spreadsheet or a CSV sent by mistake is said to be what it is not, rather than
 * given an encoding hint.
 */
export function looksLikeXml(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[i]!)) i++;
  return bytes[i] === 0x3c;
}

/** The text of the file; `exporter` names who exports it (« SIECLE ») in the hints. */
export function decodeXml(bytes: Uint8Array, exporter: string): string {
  const hasUtf8Bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const declared = declaredEncoding(bytes);
  if (hasUtf8Bom && declared && ENCODINGS[declared] !== 'utf-8') {
    throw new Refus(
      `Le fichier commence par une marque UTF-8 mais se déclare en ${declared.toUpperCase()} : encodage incohérent.`,
    );
  }
  const encoding = hasUtf8Bom ? 'utf-8' : declared ? ENCODINGS[declared] : 'utf-8';
  if (!encoding) {
    throw new Refus(
      `Encodage « ${declared} » non pris en charge : ${exporter} exporte en ISO-8859-15 ; UTF-8 et Windows-1252 sont aussi acceptés.`,
    );
  }
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new Refus(
      declared
        ? `Le fichier se déclare en ${declared.toUpperCase()} mais contient des caractères invalides dans cet encodage.`
        : // An export of ${exporter} always declares it: such a file is not one.
          `Ce fichier n’est pas un export ${exporter} : il ne déclare pas son encodage et n’est pas en UTF-8 (un export ${exporter} commence par <?xml version="1.0" encoding="ISO-8859-15"?>).`,
    );
  }
}
