// subset-font (harfbuzz's subsetter) ships no types: the one call scripts/subset-fonts.ts makes.
declare module 'subset-font' {
  export default function subsetFont(
    font: Buffer,
    text: string,
    options?: {
      targetFormat?: 'woff2' | 'woff' | 'truetype' | 'sfnt';
      /** Drops the TrueType hinting instructions (harfbuzz's HB_SUBSET_FLAGS_NO_HINTING). */
      noHinting?: boolean;
    },
  ): Promise<Buffer>;
}
