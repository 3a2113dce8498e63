// Reading SIECLE exports as schools send them: ISO-8859-15 and UTF-8, zipped or not, older
// and newer field names, groups and exit dates — and every refusal, with its French message.
import { describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { readSiecleUpload } from './read';
import { isRefus } from '@/lib/common/refus';
import { encodeLatin9, siecleFile, siecleXml, zipOf, type EleveDeTest } from './testing';
import { SIECLE_MAX_BYTES } from './limits';

const UAI = '0999001W';
const ELEVES: EleveDeTest[] = [
  {
    eleveId: '1001',
    ine: '123456789AB',
    nom: 'CŒUR',
    prenom: 'Zoé',
    mef: '24725517310',
    division: '2CIEL1',
    groupes: ['G1'],
  },
  {
    eleveId: '1002',
    ine: '223456789CD',
    nom: 'MARTIN',
    nomUsage: 'SŒUR-ŒUVRE',
    prenom: 'Chloé',
    division: '2CIEL1',
  },
  {
    eleveId: '1003',
    ine: null,
    nom: 'DUPONT',
    balise: 'NOM',
    prenom: 'Noël',
    division: 'Inactifs',
  },
  {
    eleveId: '1004',
    ine: '323456789EF',
    nom: 'LEROY',
    prenom: 'Anaïs',
    division: '2CIEL1',
    dateSortie: '15/10/2026',
  },
];

async function refusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    if (isRefus(error)) return error.message;
    throw error;
  }
  throw new Error('aucun refus');
}

describe('readSiecleUpload', () => {
  it('reads an ISO-8859-15 export: « Œ » and « œ » come out right, usage name first', async () => {
    const fichier = await readSiecleUpload(siecleFile(UAI, 2026, ELEVES), UAI);
    expect(fichier.uaj).toBe(UAI);
    expect(fichier.anneeScolaire).toBe('2026-2027');
    expect(fichier.erreurs).toEqual([]);
    expect(
      fichier.eleves.map((e) => [e.eleveId, e.ine, e.nom, e.prenom, e.division, e.dateSortie]),
    ).toEqual([
      ['1001', '123456789AB', 'CŒUR', 'Zoé', '2CIEL1', null],
      ['1002', '223456789CD', 'SŒUR-ŒUVRE', 'Chloé', '2CIEL1', null],
      // « NOM » of older exports; « Inactifs » is no class.
      ['1003', null, 'DUPONT', 'Noël', null, null],
      ['1004', '323456789EF', 'LEROY', 'Anaïs', '2CIEL1', '2026-10-15'],
    ]);
    expect(fichier.eleves[0]!.codeMef).toBe('24725517310');
  });

  it('reads the same file in UTF-8, with or without a byte-order mark, and zipped', async () => {
    const utf8 = strToU8(siecleXml(UAI, 2026, ELEVES, 'UTF-8'));
    const expected = await readSiecleUpload(siecleFile(UAI, 2026, ELEVES), UAI);
    expect(await readSiecleUpload(utf8, UAI)).toEqual(expected);
    expect(await readSiecleUpload(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]), UAI)).toEqual(
      expected,
    );
    const zip = zipOf({
      'ElevesSansAdresses.xml': siecleFile(UAI, 2026, ELEVES),
      '__MACOSX/._ElevesSansAdresses.xml': new Uint8Array([0, 1, 2]),
      'dossier/': new Uint8Array(),
    });
    expect(await readSiecleUpload(zip, UAI)).toEqual(expected);
  });

  it('reads STRUCTURES placed before ELEVES', async () => {
    const xml = siecleXml(UAI, 2026, ELEVES, 'UTF-8');
    const eleves = /<ELEVES>[\s\S]*<\/ELEVES>/.exec(xml)![0];
    const structures = /<STRUCTURES>[\s\S]*<\/STRUCTURES>/.exec(xml)![0];
    const swapped = xml.replace(eleves, '@@').replace(structures, eleves).replace('@@', structures);
    expect((await readSiecleUpload(strToU8(swapped), UAI)).eleves.map((e) => e.division)).toEqual([
      '2CIEL1',
      '2CIEL1',
      null,
      '2CIEL1',
    ]);
  });

  it('lists a pupil without name, with an impossible exit date or in two divisions as errors', async () => {
    const xml = siecleXml(
      UAI,
      2026,
      [
        { eleveId: '1', nom: 'A', prenom: '', division: 'X' },
        { eleveId: '2', ine: 'I2', nom: 'B', prenom: 'b', dateSortie: '31/02/2026' },
        { eleveId: '3', ine: 'I3', nom: 'C', prenom: 'c', division: 'X' },
      ],
      'UTF-8',
    ).replace(
      '<TYPE_STRUCTURE>D</TYPE_STRUCTURE></STRUCTURE></STRUCTURES_ELEVE>\n</STRUCTURES>',
      '<TYPE_STRUCTURE>D</TYPE_STRUCTURE></STRUCTURE><STRUCTURE><CODE_STRUCTURE>Y</CODE_STRUCTURE><TYPE_STRUCTURE>D</TYPE_STRUCTURE></STRUCTURE></STRUCTURES_ELEVE>\n</STRUCTURES>',
    );
    const fichier = await readSiecleUpload(strToU8(xml), UAI);
    expect(fichier.eleves).toEqual([]);
    expect(fichier.erreurs).toHaveLength(3);
    expect(fichier.erreurs[0]).toMatch(/ELEVE_ID 1 n’a pas de nom ou de prénom/);
    expect(fichier.erreurs[1]).toMatch(/date de sortie « 31\/02\/2026 » invalide/);
    expect(fichier.erreurs[2]).toMatch(/plusieurs divisions \(X, Y\)/);
  });

  it('refuses what is not this establishment’s SIECLE export, with a message that says why', async () => {
    const good = siecleXml(UAI, 2026, ELEVES, 'UTF-8');
    const cases: [Uint8Array, RegExp][] = [
      [siecleFile('0750001A', 2026, ELEVES), /établissement 0750001A, pas du vôtre \(0999001W\)/],
      [
        strToU8('<?xml version="1.0"?><BEE_NOMENCLATURES/>'),
        /n’est pas un export SIECLE « ElevesSansAdresses » \(élément racine « BEE_NOMENCLATURES »/,
      ],
      [strToU8(good.slice(0, good.length - 40)), /pas un XML bien formé \(ligne \d+/],
      // A CSV, a PDF sent by mistake: said to be no SIECLE export, not given an encoding hint.
      [strToU8('nom;prenom\nA;B'), /n’est pas un export SIECLE .* pas un fichier XML/],
      [strToU8('%PDF-1.7\n%\xe2\xe3'), /n’est pas un export SIECLE .* pas un fichier XML/],
      [new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1]), /n’est pas un export SIECLE/],
      // Some other XML, without a declaration and not in UTF-8: no SIECLE export (SIECLE
      // always declares its encoding), not an encoding hint.
      [
        new Uint8Array([0x3c, 0x61, 0x3e, 0xe9, 0x3c, 0x2f, 0x61, 0x3e]),
        /^Ce fichier n’est pas un export SIECLE : il ne déclare pas son encodage/,
      ],
      [
        strToU8(
          good.replace('<BEE_ELEVES', '<!DOCTYPE BEE_ELEVES [<!ENTITY x "xxxxxxxx">]><BEE_ELEVES'),
        ),
        /DOCTYPE/,
      ],
      [
        strToU8(
          good.replace(
            '<BEE_ELEVES',
            '<!DOCTYPE BEE_ELEVES SYSTEM "file:///etc/passwd"><BEE_ELEVES',
          ),
        ),
        /DOCTYPE/,
      ],
      // An entity never declared is never expanded: the file is refused.
      [
        strToU8(good.replace('<PRENOM>Zoé</PRENOM>', '<PRENOM>&xxe;</PRENOM>')),
        /pas un XML bien formé.*undefined entity/,
      ],
      // NUL is no XML character (and no database column holds it).
      [
        strToU8(good.replace('<PRENOM>Zoé</PRENOM>', '<PRENOM>Zo\u0000é</PRENOM>')),
        /pas un XML bien formé/,
      ],
      [strToU8(good.replace('<UAJ>0999001W</UAJ>', '')), /PARAMETRES\/UAJ/],
      [strToU8(good.replace('<ANNEE_SCOLAIRE>2026</ANNEE_SCOLAIRE>', '')), /ANNEE_SCOLAIRE/],
      [
        siecleFile(UAI, 2026, [
          ...ELEVES,
          { eleveId: '2000', ine: '123456789AB', nom: 'X', prenom: 'Y' },
        ]),
        /INE 123456789AB figure deux fois/,
      ],
      [
        siecleFile(UAI, 2026, [...ELEVES, { eleveId: '1001', ine: 'Z', nom: 'X', prenom: 'Y' }]),
        /ELEVE_ID 1001 figure deux fois/,
      ],
      // ISO-8859-15 bytes declared as UTF-8.
      [
        encodeLatin9(siecleXml(UAI, 2026, ELEVES, 'UTF-8')),
        /se déclare en UTF-8 mais contient des caractères invalides/,
      ],
      [strToU8(good.replace('UTF-8', 'EBCDIC-FR')), /Encodage « ebcdic-fr » non pris en charge/],
      [new Uint8Array(), /vide/],
      [
        zipOf({ 'a.xml': strToU8(good), 'b.xml': strToU8(good) }),
        /contient 2 fichiers \(« a.xml », « b.xml »\)/,
      ],
      [zipOf({ 'eleves.csv': strToU8('x') }), /« eleves.csv », pas un fichier XML/],
      [zipOf({}), /aucun fichier/],
      [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), /illisible/],
    ];
    for (const [bytes, message] of cases)
      expect(await refusal(() => readSiecleUpload(bytes, UAI))).toMatch(message);
  });

  it('refuses elements nested deeper than an export’s at once, in linear time', async () => {
    // The old reader joined the whole element path at each tag: quadratic (280 KB nested
    // 40 000 deep held the event loop 14 s). Now the file is refused at the 13th level, and a
    // file as deep as the limit allows, of the maximum size, is read in slices.
    const depth = Math.floor(SIECLE_MAX_BYTES / 8);
    const nested = `<BEE_ELEVES>${'<A>'.repeat(depth)}${'</A>'.repeat(depth)}</BEE_ELEVES>`;
    const opened = { count: 0 };
    expect(await refusal(() => readSiecleUpload(strToU8(nested), UAI))).toMatch(
      /imbriqués sur plus de 12 niveaux \(ligne 1\)/,
    );
    // Counted through the reader itself: it stopped at the limit, not at the end of the file.
    const { readXmlEvents } = await import('../xml/events');
    const { SIECLE_FORMAT } = await import('./limits');
    await readXmlEvents(nested, SIECLE_FORMAT, { open: () => void opened.count++ }).catch(
      () => undefined,
    );
    expect(opened.count).toBe(12);
  });

  it('reads a large export (30 000 pupils) without holding the event loop for its length', async () => {
    const pupils: EleveDeTest[] = Array.from({ length: 30_000 }, (_, i) => ({
      eleveId: String(10_000 + i),
      ine: `${String(100_000_000 + i)}ZZ`,
      nom: `NOM${i}`,
      prenom: 'Prénom',
      mef: '24725517310',
      division: `D${i % 40}`,
    }));
    const file = siecleFile(UAI, 2026, pupils);
    // The reader yields between slices: a timer set now fires before the reading ends.
    let turns = 0;
    const ticking = setInterval(() => turns++, 0);
    const fichier = await readSiecleUpload(file, UAI);
    clearInterval(ticking);
    expect(fichier.eleves).toHaveLength(30_000);
    expect(turns).toBeGreaterThan(2);
  });

  it('refuses a file larger than 20 MB once uncompressed, before inflating it', async () => {
    const huge = new Uint8Array(SIECLE_MAX_BYTES + 1).fill(0x20);
    expect(await refusal(() => readSiecleUpload(huge, UAI))).toMatch(/dépasse 20 Mo/);
    // 20 MB of spaces compress to a few kilobytes: the zip is small, its content is not.
    const bomb = zipOf({ 'ElevesSansAdresses.xml': huge });
    expect(bomb.length).toBeLessThan(100_000);
    expect(await refusal(() => readSiecleUpload(bomb, UAI))).toMatch(
      /21 Mo une fois décompressé : la limite est de 20 Mo/,
    );
  });
});
