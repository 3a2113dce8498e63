// Markup built as a string, for the few large, fixed-shape blocks that React would render
// element by element on every request (the competence table, the legend). The `markup` tag
// escapes every interpolated value unless it is itself SafeHtml, so text from the database
// can never become markup; React inserts the result with dangerouslySetInnerHTML.

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type HtmlPart = string | number | SafeHtml | null | undefined | false | readonly HtmlPart[];

const SPECIAL = /[&<>"']/g;
const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe in element content and in quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(SPECIAL, (c) => ENTITIES[c]!);
}

function render(part: HtmlPart): string {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof SafeHtml) return part.value;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeHtml(String(part));
}

// Line breaks in the literal markup are layout of the source, as in JSX: a run of spaces
// holding a line break disappears next to a tag or an interpolation and becomes one space
// between two words; a space that matters is written on one line. Computed once per
// template (its strings array is the same object at every call). The tag is not named
// `html` so that Prettier leaves these templates as written instead of reflowing them.
const LINE_BREAK_SPACE = /\s*\n\s*/g;
const compacted = new WeakMap<TemplateStringsArray, string[]>();

function compact(strings: TemplateStringsArray): string[] {
  let result = compacted.get(strings);
  if (!result) {
    result = strings.map((chunk) =>
      chunk.replace(LINE_BREAK_SPACE, (space: string, offset: number, whole: string) => {
        const before = whole[offset - 1];
        const after = whole[offset + space.length];
        const atTag = before === '>' || after === '<' || after === '>';
        return before === undefined || after === undefined || atTag ? '' : ' ';
      }),
    );
    compacted.set(strings, result);
  }
  return result;
}

/** Template tag: literal markup as written, interpolations escaped (arrays concatenated). */
export function markup(strings: TemplateStringsArray, ...parts: readonly HtmlPart[]): SafeHtml {
  const literal = compact(strings);
  let out = literal[0]!;
  for (let i = 0; i < parts.length; i++) out += render(parts[i]!) + literal[i + 1]!;
  return new SafeHtml(out);
}
