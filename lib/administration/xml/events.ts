// Reads an XML export as a stream of events (saxes), in linear time whatever the file: each
// element's path is its parent's plus its name (never rebuilt from the whole stack), elements
// nested deeper than the format allows are refused at once, and the text is fed in slices with
// a turn of the event loop between them, so that a 20 MB file never holds the server (other
// requests, the liveness check) for the whole of its reading. A DOCTYPE is refused before any
// entity could be declared (saxes expands none); a root of another name is not this format.
import 'server-only';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { Refus } from '@/lib/common/refus';
import type { XmlFormat } from './format';

export interface XmlEvents {
  /** An element opens; `path` is its ancestors' names and its own, joined by « / ». */
  open?(path: string, tag: SaxesTagPlain, line: number): void;
  /** Text (or CDATA) inside the current element. */
  text?(text: string): void;
  /** The element at `path` closes. */
  close?(path: string, name: string, line: number): void;
}

/** Characters parsed between two turns of the event loop. */
const SLICE = 256 * 1024;

export async function readXmlEvents(
  text: string,
  format: XmlFormat,
  events: XmlEvents,
): Promise<void> {
  const parser = new SaxesParser({ position: true, xmlns: false });
  const paths: string[] = [];

  parser.on('doctype', () => {
    throw new Refus(`Le fichier déclare un DOCTYPE : ${format.name} n’en a pas, il est refusé.`);
  });
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const depth = paths.length;
    if (depth === 0 && tag.name !== format.root) {
      throw new Refus(
        `Ce fichier n’est pas ${format.name} (élément racine « ${tag.name} », ${format.root} attendu).`,
      );
    }
    if (depth >= format.maxDepth) {
      throw new Refus(
        `Le fichier a des éléments imbriqués sur plus de ${format.maxDepth} niveaux (ligne ${parser.line}) : ce n’est pas ${format.name}.`,
      );
    }
    const path = depth === 0 ? tag.name : `${paths[depth - 1]}/${tag.name}`;
    paths.push(path);
    events.open?.(path, tag, parser.line);
  });
  parser.on('text', (t) => events.text?.(t));
  parser.on('cdata', (t) => events.text?.(t));
  parser.on('closetag', (tag) => {
    const path = paths.pop()!;
    events.close?.(path, tag.name, parser.line);
  });

  try {
    for (let start = 0; start < text.length; start += SLICE) {
      parser.write(text.slice(start, start + SLICE));
      await nextTurn();
    }
    parser.close();
  } catch (error) {
    if (error instanceof Refus) throw error;
    // saxes says « 12:4: unexpected close tag. » — the line and what is wrong.
    const detail = (error as Error).message.replace(/^(?:[^:\s]*:)?(\d+):(\d+): /, 'ligne $1 : ');
    throw new Refus(`Le fichier n’est pas un XML bien formé (${detail})`);
  }
}
