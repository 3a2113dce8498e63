// Keeps the parts' tags when they are joined into one PDF. pdf-lib copies a page's content
// (its marked content, its `/StructParents` key) but not the catalog's structure tree, so a
// joined document would read, to a screen reader, as one untagged stream of text. Each
// part's structure elements are copied here under one « Document » element, the pages'
// and links' keys into the parent tree shifted past the parts before, and element IDs (a
// table cell names its header by ID) prefixed by the part, since two prints may use the
// same ones.
import {
  PDFArray,
  PDFDict,
  type PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFObject,
  type PDFPage,
  PDFRef,
  PDFStream,
  PDFString,
} from 'pdf-lib';

/**
 * Chromium writes PDF 2.0's inline types for <strong> and <em> in files it declares PDF 1.4,
 * where a type outside the standard set must be mapped to one (PDF 1.7, 14.8.4): poppler
 * calls them errors. The joined tree maps them to their PDF 1.7 equivalent.
 */
const PDF2_ROLES: Record<string, string> = { Strong: 'Span', Em: 'Span' };

/** A part whose structure cannot be copied faithfully: the join is then left untagged. */
export class UnsupportedStructureError extends Error {}

const name = (key: string) => PDFName.of(key);
// Names are interned by pdf-lib: compared by identity, never decoded in the copy loop.
const ID = PDFName.of('ID');
const HEADERS = PDFName.of('Headers');
const TYPE = PDFName.of('Type');
const NOT_STRUCTURE = new Set([PDFName.of('Page'), PDFName.of('Pages'), PDFName.of('Annot')]);

/**
 * The entries of a number tree (`leaves` = 'Nums') or a name tree ('Names'), `/Kids`
 * followed, in order; `keyOf` reads a key (null: not a key of this kind, skipped).
 */
function treeEntries<K>(
  node: PDFDict | undefined,
  leaves: 'Nums' | 'Names',
  keyOf: (key: PDFObject) => K | null,
): [K, PDFObject][] {
  if (!node) return [];
  const entries: [K, PDFObject][] = [];
  const pairs = node.lookupMaybe(name(leaves), PDFArray);
  for (let i = 0; pairs && i + 1 < pairs.size(); i += 2) {
    const raw = pairs.lookup(i);
    const key = raw ? keyOf(raw) : null;
    if (key !== null) entries.push([key, pairs.get(i + 1)]);
  }
  const kids = node.lookupMaybe(name('Kids'), PDFArray);
  for (let i = 0; kids && i < kids.size(); i++) {
    entries.push(...treeEntries(kids.lookupMaybe(i, PDFDict), leaves, keyOf));
  }
  return entries;
}

const numberKey = (key: PDFObject) => (key instanceof PDFNumber ? key.asNumber() : null);

/** An ID as a PDF string: plain ASCII as a literal (as Chromium writes them), else UTF-16. */
function idString(id: string): PDFString | PDFHexString {
  return /^[\x20-\x27\x2a-\x5b\x5d-\x7e]*$/.test(id) ? PDFString.of(id) : PDFHexString.fromText(id);
}

function text(value: PDFObject): string | null {
  return value instanceof PDFString || value instanceof PDFHexString ? value.decodeText() : null;
}

/** Joins the structure trees of parts copied, in order, into `target`. */
export class StructureJoin {
  private readonly rootRef: PDFRef;
  private readonly documentRef: PDFRef;
  private readonly kids: PDFArray;
  private readonly parentTree: [number, PDFObject][] = [];
  private readonly ids: [string, PDFObject][] = [];
  private readonly roleMap = new Map<string, PDFObject>(
    Object.entries(PDF2_ROLES).map(([role, standard]) => [role, PDFName.of(standard)]),
  );
  private nextKey = 0;
  private parts = 0;
  /** False as soon as a part has no structure: the joined document is then untagged. */
  private complete = true;

  /** Gives up (a part could not be copied): the joined document will be untagged. */
  abandon(): void {
    this.complete = false;
  }

  get tagged(): boolean {
    return this.complete && this.parts > 0;
  }

  constructor(private readonly target: PDFDocument) {
    this.rootRef = target.context.nextRef();
    this.documentRef = target.context.nextRef();
    this.kids = PDFArray.withContext(target.context);
  }

  /**
   * Copies `source`'s structure for its pages `copied` (the result of `copyPages` of all
   * its pages, in order). Returns the map from the source's objects to their copies, for
   * the caller's own references into the structure (an outline entry's element).
   */
  addPart(source: PDFDocument, copied: PDFPage[]): Map<PDFRef, PDFRef> {
    // Keyed by the source's refs themselves: pdf-lib interns a ref per object number.
    const refs = new Map<PDFRef, PDFRef>();
    const root = source.catalog.lookupMaybe(name('StructTreeRoot'), PDFDict);
    const prefix = `p${this.parts++}-`;
    if (!root || !this.complete) {
      this.complete = false;
      return refs;
    }
    const offset = this.nextKey;
    const sourcePages = source.getPages();
    if (sourcePages.length !== copied.length) {
      throw new UnsupportedStructureError('every page of a part must be copied');
    }
    // Pages and links are copied by copyPages: the structure points at those copies.
    sourcePages.forEach((page, i) => {
      const copy = copied[i]!;
      refs.set(page.ref, copy.ref);
      const key = copy.node.lookupMaybe(name('StructParents'), PDFNumber);
      if (key) copy.node.set(name('StructParents'), PDFNumber.of(key.asNumber() + offset));
      const from = page.node.lookupMaybe(name('Annots'), PDFArray);
      const to = copy.node.lookupMaybe(name('Annots'), PDFArray);
      for (let a = 0; from && to && a < from.size(); a++) {
        const sourceRef = from.get(a);
        const copyRef = to.get(a);
        if (!(sourceRef instanceof PDFRef) || !(copyRef instanceof PDFRef)) continue;
        refs.set(sourceRef, copyRef);
        const annotation = this.target.context.lookup(copyRef, PDFDict);
        const parent = annotation.lookupMaybe(name('StructParent'), PDFNumber);
        if (parent) {
          annotation.set(name('StructParent'), PDFNumber.of(parent.asNumber() + offset));
        }
      }
    });
    // The part's root and its « Document » element dissolve into the joined Document: their
    // children become its children.
    const rootRef = source.context.getObjectRef(root);
    if (rootRef) refs.set(rootRef, this.documentRef);
    const top = root.get(name('K'));
    const topKids = top instanceof PDFArray ? top.asArray() : top ? [top] : [];
    for (const kid of topKids) {
      const element = kid instanceof PDFRef ? source.context.lookup(kid) : kid;
      if (
        kid instanceof PDFRef &&
        element instanceof PDFDict &&
        element.get(name('S')) === name('Document') &&
        !element.has(name('Pg'))
      ) {
        refs.set(kid, this.documentRef);
        const inner = element.get(name('K'));
        for (const child of inner instanceof PDFArray ? inner.asArray() : inner ? [inner] : []) {
          if (!(child instanceof PDFRef)) {
            throw new UnsupportedStructureError('content directly under the Document element');
          }
          this.kids.push(this.copy(source, child, refs, prefix));
        }
      } else {
        this.kids.push(this.copy(source, kid, refs, prefix));
      }
    }
    const entries = treeEntries(root.lookupMaybe(name('ParentTree'), PDFDict), 'Nums', numberKey);
    let next = root.lookupMaybe(name('ParentTreeNextKey'), PDFNumber)?.asNumber() ?? 0;
    for (const [key, value] of entries) {
      this.parentTree.push([key + offset, this.copy(source, value, refs, prefix)]);
      next = Math.max(next, key + 1);
    }
    this.nextKey = offset + next;
    const roles = root.lookupMaybe(name('RoleMap'), PDFDict);
    for (const [role, standard] of roles?.entries() ?? []) {
      this.roleMap.set(role.decodeText(), standard);
    }
    for (const [id, element] of treeEntries(
      root.lookupMaybe(name('IDTree'), PDFDict),
      'Names',
      text,
    )) {
      this.ids.push([prefix + id, this.copy(source, element, refs, prefix)]);
    }
    return refs;
  }

  /** Writes the joined structure tree into the target's catalog: `Tagged: yes`. */
  finish(): void {
    if (!this.tagged) return;
    const { context } = this.target;
    context.assign(
      this.documentRef,
      context.obj({ Type: 'StructElem', S: 'Document', P: this.rootRef, K: this.kids }),
    );
    const nums = PDFArray.withContext(context);
    for (const [key, value] of [...this.parentTree].sort((a, b) => a[0] - b[0])) {
      nums.push(PDFNumber.of(key));
      nums.push(value);
    }
    const root = context.obj({
      Type: 'StructTreeRoot',
      K: this.documentRef,
      ParentTree: context.obj({ Nums: nums }),
      ParentTreeNextKey: this.nextKey,
      RoleMap: Object.fromEntries(this.roleMap),
    });
    if (this.ids.length > 0) {
      const names = PDFArray.withContext(context);
      // A name tree's keys are sorted by their bytes; our IDs are ASCII.
      for (const [id, element] of [...this.ids].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
        names.push(idString(id));
        names.push(element);
      }
      root.set(name('IDTree'), context.obj({ Names: names }));
    }
    context.assign(this.rootRef, root);
    this.target.catalog.set(name('StructTreeRoot'), this.rootRef);
    this.target.catalog.set(name('MarkInfo'), context.obj({ Marked: true }));
  }

  /**
   * A deep copy of a structure object into the target. Objects already copied (and the
   * pages, links and roots mapped beforehand) are shared, never copied twice.
   */
  private copy(
    source: PDFDocument,
    value: PDFObject,
    refs: Map<PDFRef, PDFRef>,
    prefix: string,
    isId = false,
  ): PDFObject {
    const { context } = this.target;
    if (value instanceof PDFRef) {
      const known = refs.get(value);
      if (known) return known;
      const ref = context.nextRef();
      refs.set(value, ref);
      const object = source.context.lookup(value);
      if (!object) throw new UnsupportedStructureError(`missing object ${value.toString()}`);
      context.assign(ref, this.copy(source, object, refs, prefix));
      return ref;
    }
    if (value instanceof PDFDict) {
      // Anything but a structure element, a marked-content or object reference, an
      // attribute or a parent-tree entry (pages, streams: never reached from the tree
      // except through the refs mapped above) means the tree is not what we expect.
      const type = value.get(TYPE);
      if (type instanceof PDFName && NOT_STRUCTURE.has(type)) {
        throw new UnsupportedStructureError(`unexpected ${type.toString()} in the structure`);
      }
      const copy = PDFDict.withContext(context);
      for (const [entryKey, entry] of value.entries()) {
        copy.set(
          entryKey,
          this.copy(source, entry, refs, prefix, entryKey === ID || entryKey === HEADERS),
        );
      }
      return copy;
    }
    if (value instanceof PDFArray) {
      const copy = PDFArray.withContext(context);
      for (const item of value.asArray()) copy.push(this.copy(source, item, refs, prefix, isId));
      return copy;
    }
    if (value instanceof PDFStream) {
      throw new UnsupportedStructureError('a stream in the structure tree');
    }
    if (isId) {
      const id = text(value);
      if (id !== null) return idString(prefix + id);
    }
    // Names, numbers, booleans, strings: immutable here, shared.
    return value;
  }
}
