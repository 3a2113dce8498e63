// Two spellings of one person's name compare equal when they differ only by accents, case,
// hyphens, apostrophes or spaces (« Éloïse-Marie » and « ELOISE MARIE »): how an STS-Web
// individual is matched to an account before its STS id is known.
export function comparableName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[\s\-'’]+/g, ' ')
    .trim();
}
