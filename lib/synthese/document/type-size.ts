// The printed synthesis' type size: as large as the A4 landscape page allows for this class,
// never below 8 pt (readable on a photocopy), never above 11 pt. Rows bind for a large class,
// columns for many competences; past what one page holds at 8 pt the table continues on a
// second page (its header row repeated) rather than shrinking. The constants were measured
// on Chromium's PDFs of the demo classes (bench/documents.ts): a row is 1.34 × the type size
// high, a pupil's name, date and count take 59 mm at 8 pt and a competence column 8.5 mm.

export const MIN_PT = 8;
export const MAX_PT = 11;
/** The table's room on A4 landscape, 9/8/11/8 mm margins, less title, legend and notes. */
const TABLE_HEIGHT_PT = 476;
const TABLE_WIDTH_MM = 281;
const ROW_PER_PT = 1.34;
const FIXED_COLUMNS_MM_AT_8 = 59;
const COMPETENCE_MM_AT_8 = 8.5;
/** Rows and text heights vary a little with the content (two-line cells): keep a margin. */
const SAFETY = 0.88;

/**
 * @param rows every row of the table: header, pupils and the « Répartition » footer.
 * @param competences its competence columns.
 */
export function syntheseTypeSize(rows: number, competences: number): number {
  const byRows = (TABLE_HEIGHT_PT * SAFETY) / (ROW_PER_PT * Math.max(1, rows));
  const byColumns =
    (MIN_PT * TABLE_WIDTH_MM * SAFETY) /
    (FIXED_COLUMNS_MM_AT_8 + COMPETENCE_MM_AT_8 * Math.max(1, competences));
  const size = Math.min(MAX_PT, byRows, byColumns);
  // Rounded down to a tenth, so that the size written is never more than computed.
  return Math.max(MIN_PT, Math.floor(size * 10) / 10);
}
