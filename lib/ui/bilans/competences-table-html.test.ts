// The competence table and the legend built as strings: every database text escaped, every
// level readable without colour (symbol printed, meaning for screen readers), one column
// per bilan date and the trend in words.
import { describe, expect, it } from 'vitest';
import type { BilanDate, LigneCompetence } from '@/lib/bilans/bilan-view';
import { NIVEAUX, NIVEAU_INFOS } from '@/lib/bilans/niveaux';
import { competencesTableHtml } from './competences-table-html';
import { LEGENDE_HTML } from './legende-html';

const colonnes: BilanDate[] = [
  {
    id: 'b1',
    date: '2016-05-27',
    valide: true,
    referentiel: 'SN',
    periode: 'T3',
    anneeScolaire: '2015-2016',
    classe: '1re SN',
  },
  {
    id: 'b2',
    date: '2016-06-16',
    valide: false,
    referentiel: 'SN',
    periode: 'T3',
    anneeScolaire: '2015-2016',
    classe: '1re SN',
  },
];
const lignes: LigneCompetence[] = [
  {
    id: 'c1',
    code: 'C1-1',
    equivalence: 'C1.1',
    libelle: `Appréhender d'un projet <img src=x onerror="alert(1)"> & co`,
    niveaux: ['-+', '++'],
    evolution: 'hausse',
  },
  {
    id: 'c2',
    code: 'C2<b>',
    equivalence: null,
    libelle: 'Faire un bilan',
    niveaux: [null, 'NE'],
    evolution: 'aucune',
  },
];

const cells = (markup: string) => [...markup.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]!);
const text = (markup: string) => markup.replace(/<[^>]+>/g, '');

describe('competencesTableHtml', () => {
  const page = competencesTableHtml({ colonnes, lignes });

  it('escapes every text that comes from the database', () => {
    expect(page).not.toContain('<img');
    expect(page).not.toContain('<b>C2<b>');
    expect(page).toContain(
      'Appréhender d&#39;un projet &lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; co',
    );
    expect(page).toContain('<b>C2&lt;b&gt;</b>');
  });

  it('has a caption, a column per bilan date in French format with its term, then the trend', () => {
    expect(page).toMatch(/^<table class="competences"><caption class="sr-only">/);
    const heads = [...page.matchAll(/<th scope="col"[^>]*>(.*?)<\/th>/g)].map((m) => m[1]);
    expect(heads).toEqual([
      'Compétence',
      '27/05/2016<br><small>T3</small>',
      '16/06/2016<br><small>T3</small>',
      'Évolution',
    ]);
    expect(page.match(/<tr>/g)).toHaveLength(3);
    expect(page.match(/<th scope="row">/g)).toHaveLength(2);
  });

  it('prints each level as its symbol on its colour class, with its meaning for screen readers', () => {
    const [first, second, trend1, empty, ne, trend2] = cells(page);
    expect(first).toBe(
      '<span class="niveau niveau-moins-plus"><span aria-hidden="true">−+</span>' +
        `<span class="sr-only">${NIVEAU_INFOS['-+'].signification.replace("'", '&#39;')}</span></span>`,
    );
    expect(text(second!)).toBe('++' + NIVEAU_INFOS['++'].signification);
    expect(text(empty!)).toBe('non renseigné');
    expect(text(ne!)).toBe('NE' + NIVEAU_INFOS.NE.signification);
    expect(trend1).toBe('<b aria-hidden="true">↑</b> <small>en progrès</small>');
    expect(text(trend2!)).toBe('– pas de comparaison');
    expect(page).toContain('<th scope="row"><b>C1-1</b> <span class="equivalence">= C1.1</span> ');
  });

  it('leaves the hidden meanings out on paper, where the legend gives them', () => {
    const paper = competencesTableHtml({ colonnes, lignes, imprime: true });
    expect(paper).not.toContain('sr-only">Compétence');
    expect(cells(paper)[0]).toBe('<span class="niveau niveau-moins-plus">−+</span>');
  });
});

describe('LEGENDE_HTML', () => {
  it('gives each of the five levels its symbol, meaning, colour and radar value (NE: none)', () => {
    const items = [...LEGENDE_HTML.matchAll(/<li>(.*?)<\/li>/g)].map((m) => text(m[1]!));
    expect(items).toEqual(
      NIVEAUX.map((n) => {
        const info = NIVEAU_INFOS[n];
        const radar = n === 'NE' ? 'hors du radar' : `radar : ${info.valeurRadar}`;
        return `${info.symbole}${info.signification.replace("'", '&#39;')} (${info.couleur}, ${radar})`;
      }),
    );
    expect(LEGENDE_HTML).not.toContain('radar : 0');
    expect(LEGENDE_HTML).toMatch(/^<h3 id="legende-titre">Légende des positionnements<\/h3>/);
  });
});
