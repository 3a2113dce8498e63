// What a printed page shows of text whose length nobody bounds (constats and conseils come
// from another module): a print is paper, and 2 MB of constats would print 650 pages and
// run the class document past its time budget. Past the bound the text is cut at a word
// and the page says so, pointing to the full text on screen.

/** About one printed page of a bilan's text block. */
export const PRINTED_TEXT_LIMIT = 4000;
/** Marks printed in « Notes du bilan »: beyond, the page says how many more there are. */
export const PRINTED_NOTES_LIMIT = 40;
export const PRINTED_LABEL_LIMIT = 200;

export interface BoundedText {
  text: string;
  /** Characters shown and in all, when the text was cut. */
  coupe: { montres: number; total: number } | null;
}

/** `text` as printed: whole when short enough, else cut at the last space before `limit`. */
export function boundForPrint(text: string, limit = PRINTED_TEXT_LIMIT): BoundedText {
  const characters = Array.from(text);
  if (characters.length <= limit) return { text, coupe: null };
  const head = characters.slice(0, limit).join('');
  const space = head.search(/\s\S*$/);
  const cut = space > limit * 0.8 ? head.slice(0, space) : head;
  return {
    text: `${cut.trimEnd()} […]`,
    coupe: { montres: Array.from(cut).length, total: characters.length },
  };
}

const nombre = new Intl.NumberFormat('fr-FR');

/** « Texte tronqué à l'impression : 3 998 caractères sur 2 240 000… » */
export function cutNotice(coupe: { montres: number; total: number }): string {
  return `Texte tronqué à l'impression : ${nombre.format(coupe.montres)} caractères sur ${nombre.format(coupe.total)}. Le texte complet se lit sur la page du bilan dans CPRO.`;
}
