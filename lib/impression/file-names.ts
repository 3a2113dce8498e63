// File names of the PDFs and CSVs: ASCII, so that every browser and OS keeps them.

import 'server-only';
/** « N'GUESSAN Aïcha » → NGUESSAN-Aicha. */
export function fileSlug(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/['’]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'x'
  );
}
