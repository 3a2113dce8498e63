// What a print page renders of unbounded text is bounded, and the page says so.
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { TextBlock } from '@/lib/ui/bilans/text-block';
import { NotesBlock } from '@/lib/ui/bilans/notes-block';
import { boundForPrint, PRINTED_NOTES_LIMIT, PRINTED_TEXT_LIMIT } from './print-bounds';

describe('print bounds', () => {
  it('keeps a normal text whole and cuts a huge one at a word, saying how much', () => {
    expect(boundForPrint('Bon travail.')).toEqual({ text: 'Bon travail.', coupe: null });
    const huge = 'constat '.repeat(280_000); // 2.24 MB
    const bounded = boundForPrint(huge);
    expect(bounded.text.length).toBeLessThanOrEqual(PRINTED_TEXT_LIMIT + 4);
    expect(bounded.text.endsWith('constat […]')).toBe(true);
    expect(bounded.coupe?.total).toBe(huge.length);
  });

  it('never cuts a character in two (emoji, combining accents)', () => {
    const text = '😀'.repeat(PRINTED_TEXT_LIMIT + 10);
    const bounded = boundForPrint(text);
    expect(bounded.text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('a printed block renders the bound and the notice; on screen, everything', () => {
    const huge = 'x'.repeat(2_240_000);
    const printed = renderToStaticMarkup(<TextBlock title="Constats" text={huge} imprime />);
    expect(printed.length).toBeLessThan(PRINTED_TEXT_LIMIT + 1000);
    expect(printed).toContain(
      'Texte tronqué à l&#x27;impression : 4\u202f000 caractères sur 2\u202f240\u202f000',
    );
    const screen = renderToStaticMarkup(<TextBlock title="Constats" text={huge} />);
    expect(screen.length).toBeGreaterThan(2_240_000);
  });

  it('prints a bounded list of marks and says how many are left out', () => {
    const notes = Array.from({ length: 500 }, (_, i) => ({
      libelle: `Évaluation ${i} ${'très longue '.repeat(100)}`,
      valeur: 12,
      coefficient: 1,
    }));
    const printed = renderToStaticMarkup(<NotesBlock notes={notes} imprime />);
    expect(printed.match(/<tr>/g)?.length).toBe(PRINTED_NOTES_LIMIT + 1); // + the header row
    expect(printed).toContain(`${PRINTED_NOTES_LIMIT} notes sur 500`);
    expect(printed.length).toBeLessThan(20_000);
  });
});
