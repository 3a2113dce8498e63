// SIECLE exports written for tests, the benchmark and the e2e suite: the shape of a real
// « ElevesSansAdresses » file (fields the module ignores included, so that the parser meets
// them), in ISO-8859-15 as SIECLE sends it or in UTF-8.
import { zipSync } from 'fflate';

export interface EleveDeTest {
  eleveId: string;
  ine?: string | null;
  nom: string;
  /** Older exports name the family name NOM, newer ones NOM_DE_FAMILLE. */
  balise?: 'NOM' | 'NOM_DE_FAMILLE';
  nomUsage?: string;
  prenom: string;
  mef?: string;
  division?: string | null;
  groupes?: string[];
  dateSortie?: string;
}

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function siecleXml(
  uaj: string,
  annee: number,
  eleves: EleveDeTest[],
  encoding: 'ISO-8859-15' | 'UTF-8' = 'ISO-8859-15',
): string {
  const lignes = eleves.map((e) =>
    [
      `<ELEVE ELEVE_ID="${escape(e.eleveId)}" ELENOET="${escape(e.eleveId)}">`,
      e.ine === null ? '' : `<ID_NATIONAL>${escape(e.ine ?? '')}</ID_NATIONAL>`,
      `<ELENOET>${escape(e.eleveId)}</ELENOET>`,
      `<${e.balise ?? 'NOM_DE_FAMILLE'}>${escape(e.nom)}</${e.balise ?? 'NOM_DE_FAMILLE'}>`,
      e.nomUsage ? `<NOM_USAGE>${escape(e.nomUsage)}</NOM_USAGE>` : '',
      `<PRENOM>${escape(e.prenom)}</PRENOM><PRENOM2></PRENOM2>`,
      `<DATE_NAISS>14/03/2010</DATE_NAISS><CODE_SEXE>1</CODE_SEXE>`,
      `<CODE_PAYS>100</CODE_PAYS><VILLE_NAISS>LYON</VILLE_NAISS>`,
      `<CODE_MEF>${e.mef ?? ''}</CODE_MEF><CODE_STATUT>ST</CODE_STATUT>`,
      e.dateSortie ? `<DATE_SORTIE>${e.dateSortie}</DATE_SORTIE>` : '',
      `</ELEVE>`,
    ].join(''),
  );
  const structures = eleves
    .filter((e) => e.division || e.groupes?.length)
    .map((e) =>
      [
        `<STRUCTURES_ELEVE ELEVE_ID="${escape(e.eleveId)}" ELENOET="${escape(e.eleveId)}">`,
        e.division
          ? `<STRUCTURE><CODE_STRUCTURE>${escape(e.division)}</CODE_STRUCTURE><TYPE_STRUCTURE>D</TYPE_STRUCTURE></STRUCTURE>`
          : '',
        ...(e.groupes ?? []).map(
          (g) =>
            `<STRUCTURE><CODE_STRUCTURE>${escape(g)}</CODE_STRUCTURE><TYPE_STRUCTURE>G</TYPE_STRUCTURE></STRUCTURE>`,
        ),
        `</STRUCTURES_ELEVE>`,
      ].join(''),
    );
  return [
    `<?xml version="1.0" encoding="${encoding}"?>`,
    `<BEE_ELEVES VERSION="3.1">`,
    `<PARAMETRES><UAJ>${uaj}</UAJ><ANNEE_SCOLAIRE>${annee}</ANNEE_SCOLAIRE>`,
    `<DATE_EXPORT>02/12/2026</DATE_EXPORT><HORODATAGE>02/12/2026 10:00:00</HORODATAGE></PARAMETRES>`,
    `<DONNEES><ELEVES>`,
    ...lignes,
    `</ELEVES><STRUCTURES>`,
    ...structures,
    `</STRUCTURES></DONNEES></BEE_ELEVES>`,
  ].join('\n');
}

// The eight places where ISO-8859-15 differs from ISO-8859-1.
const LATIN9: Record<string, number> = {
  '€': 0xa4,
  Š: 0xa6,
  š: 0xa8,
  Ž: 0xb4,
  ž: 0xb8,
  Œ: 0xbc,
  œ: 0xbd,
  Ÿ: 0xbe,
};

export function encodeLatin9(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    const code = LATIN9[ch] ?? ch.charCodeAt(0);
    if (code > 0xff) throw new Error(`caractère hors ISO-8859-15 : ${ch}`);
    out[i] = code;
  }
  return out;
}

/** The file as SIECLE sends it: ISO-8859-15 bytes. */
export function siecleFile(uaj: string, annee: number, eleves: EleveDeTest[]): Uint8Array {
  return encodeLatin9(siecleXml(uaj, annee, eleves));
}

export function zipOf(entries: Record<string, Uint8Array>): Uint8Array {
  return zipSync(entries);
}
