// The XML inside an export's zip (SIECLE's ExportXML_ElevesSansAdresses.zip, STS-Web's
// sts_emp_<UAI>_<année>.zip): exactly one file, an XML one. What archivers add (folders, macOS's __MACOSX/ and ._ files) is ignored; anything else
// beside it is a refusal, and so is an entry larger than the limit once uncompressed — read
// from the archive's directory before anything is inflated, and the output buffer is never
// larger than that, whatever the compressed data really holds.
import 'server-only';
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { Refus } from '@/lib/common/refus';

/** A zip's signature: a first entry (PK\x03\x04), or the end of an empty archive (PK\x05\x06). */
export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    ((bytes[2] === 0x03 && bytes[3] === 0x04) || (bytes[2] === 0x05 && bytes[3] === 0x06))
  );
}

function isArchiverNoise(name: string): boolean {
  const base = name.split('/').pop() ?? '';
  return (
    name.endsWith('/') ||
    name.startsWith('__MACOSX/') ||
    base.startsWith('._') ||
    base === '.DS_Store'
  );
}

function listEntries(bytes: Uint8Array): UnzipFileInfo[] {
  const entries: UnzipFileInfo[] = [];
  try {
    unzipSync(bytes, {
      filter: (info) => {
        if (!isArchiverNoise(info.name)) entries.push(info);
        return false;
      },
    });
  } catch {
    throw new Refus('L’archive zip est illisible ou incomplète.');
  }
  return entries;
}

export interface ZipExpectation {
  /** The file the archive should hold, for messages: « l’export ElevesSansAdresses.xml ». */
  expected: string;
  /** The largest XML accepted once uncompressed, and how the refusal says it. */
  maxBytes: number;
  maxLabel: string;
}

/** The bytes of the one XML file of the archive, or a refusal naming what is wrong. */
export function xmlFromZip(bytes: Uint8Array, expect: ZipExpectation): Uint8Array {
  const entries = listEntries(bytes);
  if (entries.length === 0) throw new Refus('L’archive zip ne contient aucun fichier.');
  if (entries.length > 1) {
    const names = entries
      .slice(0, 5)
      .map((e) => `« ${e.name} »`)
      .join(', ');
    throw new Refus(
      `L’archive zip contient ${entries.length} fichiers (${names}) : elle doit contenir ${expect.expected} seul.`,
    );
  }
  const [entry] = entries as [UnzipFileInfo];
  if (!/\.xml$/i.test(entry.name)) {
    throw new Refus(`L’archive zip contient « ${entry.name} », pas un fichier XML.`);
  }
  if (entry.originalSize > expect.maxBytes) {
    throw new Refus(
      `Le fichier « ${entry.name} » fait ${Math.ceil(entry.originalSize / 1024 / 1024)} Mo une fois décompressé : la limite est de ${expect.maxLabel}.`,
    );
  }
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (info) => info.name === entry.name });
  } catch {
    throw new Refus(`Le fichier « ${entry.name} » de l’archive zip est illisible.`);
  }
  const xml = files[entry.name];
  if (!xml) throw new Refus(`Le fichier « ${entry.name} » de l’archive zip est illisible.`);
  return xml;
}
