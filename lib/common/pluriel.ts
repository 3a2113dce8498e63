// Counts said as French says them: « 0 élève », « 1 élève », « 7 élèves » — never « élève(s) ».
// Singular for 0 and 1, as French grammar has it. A word and its plural, both given: French
// plurals are not one rule (« nouveau » → « nouveaux », « changement de classe » →
// « changements de classe »).

/** « 7 élèves », « 1 élève », « 0 élève ». */
export function compte(n: number, singulier: string, pluriel: string): string {
  return `${n} ${Math.abs(n) < 2 ? singulier : pluriel}`;
}
