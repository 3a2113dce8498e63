// STS-Web « emploi du temps » exports written for tests, the e2e suite and the demo: the shape
// of a real sts_emp_<UAI>_<année>.xml (nomenclatures, grades, disciplines and course details
// the module skips included, so that the parser meets them), in ISO-8859-1 as STS-Web sends
// it, or UTF-8.
import { encodeLatin9 } from '../siecle/testing';

export interface IndividuDeTest {
  id: string;
  nom: string;
  /** Only NOM_PATRONYMIQUE, as some exports give it. */
  sansNomUsage?: boolean;
  prenom: string;
  /** ENS for a teacher; absent: on leave, no function (its services are leftovers). */
  fonction?: string | null;
  /** Division codes of which this individual is the principal teacher. */
  profPrincipal?: string[];
}

export interface DivisionDeTest {
  code: string;
  /** Individuals' ids with a service in the division. */
  enseignants: string[];
}

export interface GroupeDeTest {
  code: string;
  divisions: string[];
  enseignants: string[];
}

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function services(ids: string[]): string {
  return [
    '<SERVICES>',
    ...ids.map(
      (id, n) =>
        `<SERVICE CODE_MATIERE="0${30201 + n}" CODE_MOD_COURS="CG"><ENSEIGNANTS><ENSEIGNANT ID="${escape(id)}" TYPE="epp"><COURS_RATTACHES><COURS_RATTACHE><CODE_MOD_COURS>CG</CODE_MOD_COURS></COURS_RATTACHE></COURS_RATTACHES></ENSEIGNANT></ENSEIGNANTS></SERVICE>`,
    ),
    '</SERVICES>',
  ].join('');
}

export function stsXml(
  uaj: string,
  annee: number,
  individus: IndividuDeTest[],
  divisions: DivisionDeTest[],
  groupes: GroupeDeTest[] = [],
  encoding: 'ISO-8859-1' | 'UTF-8' = 'ISO-8859-1',
): string {
  return [
    `<?xml version="1.0" encoding="${encoding}"?>`,
    `<STS_EDT>`,
    `<PARAMETRES><UAJ CODE="${escape(uaj)}"/><ANNEE_SCOLAIRE ANNEE="${annee}"/>`,
    `<DATE_EXPORT>02/12/2026</DATE_EXPORT><HORODATAGE>02/12/2026 10:00:00</HORODATAGE></PARAMETRES>`,
    `<DONNEES>`,
    `<NOMENCLATURES><MATIERES><MATIERE CODE="030201"><CODE_GESTION>INFO</CODE_GESTION><LIBELLE_COURT>INFORMATIQUE</LIBELLE_COURT></MATIERE></MATIERES></NOMENCLATURES>`,
    `<INDIVIDUS>`,
    ...individus.map((i) =>
      [
        `<INDIVIDU ID="${escape(i.id)}" TYPE="epp">`,
        `<SEXE>2</SEXE><CIVILITE>3</CIVILITE>`,
        i.sansNomUsage ? '' : `<NOM_USAGE>${escape(i.nom)}</NOM_USAGE>`,
        `<NOM_PATRONYMIQUE>${escape(i.nom)}</NOM_PATRONYMIQUE>`,
        `<PRENOM>${escape(i.prenom)}</PRENOM><DATE_NAISSANCE>1980-01-01</DATE_NAISSANCE>`,
        `<GRADE CODE="PLP"/>`,
        i.fonction === null ? '' : `<FONCTION>${escape(i.fonction ?? 'ENS')}</FONCTION>`,
        i.profPrincipal?.length
          ? `<PROFS_PRINC>${i.profPrincipal
              .map(
                (c) =>
                  `<PROF_PRINC><CODE_STRUCTURE>${escape(c)}</CODE_STRUCTURE><DATE_DEBUT>2026-09-01</DATE_DEBUT></PROF_PRINC>`,
              )
              .join('')}</PROFS_PRINC>`
          : '',
        `<DISCIPLINES><DISCIPLINE CODE="L1400"><LIBELLE_COURT>TECHNO</LIBELLE_COURT></DISCIPLINE></DISCIPLINES>`,
        `</INDIVIDU>`,
      ].join(''),
    ),
    `</INDIVIDUS>`,
    `<STRUCTURE><DIVISIONS>`,
    ...divisions.map(
      (d) =>
        `<DIVISION CODE="${escape(d.code)}"><LIBELLE_LONG>${escape(d.code)}</LIBELLE_LONG><MEFS_APPARTENANCE><MEF_APPARTENANCE CODE="24620010310"/></MEFS_APPARTENANCE>${services(d.enseignants)}</DIVISION>`,
    ),
    `</DIVISIONS><GROUPES>`,
    ...groupes.map(
      (g) =>
        `<GROUPE CODE="${escape(g.code)}"><LIBELLE_LONG>${escape(g.code)}</LIBELLE_LONG><DIVISIONS_APPARTENANCE>${g.divisions
          .map((c) => `<DIVISION_APPARTENANCE CODE="${escape(c)}"/>`)
          .join('')}</DIVISIONS_APPARTENANCE>${services(g.enseignants)}</GROUPE>`,
    ),
    `</GROUPES></STRUCTURE>`,
    `</DONNEES></STS_EDT>`,
  ].join('\n');
}

/** The file as STS-Web sends it: ISO-8859-1 bytes. */
export function stsFile(
  uaj: string,
  annee: number,
  individus: IndividuDeTest[],
  divisions: DivisionDeTest[],
  groupes: GroupeDeTest[] = [],
): Uint8Array {
  return encodeLatin9(stsXml(uaj, annee, individus, divisions, groupes));
}
