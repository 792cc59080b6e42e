/**
 * An element with a `name` (img, form, iframe, embed, object) becomes a
 * property of `document` and hides the method of that name: an article
 * holding `<img name="createTreeWalker">` would stop Lit, and with it the
 * editor, before it starts. Such names inside a `<claim-editor>` (its
 * article, whose images the schema drops anyway) are removed before anything
 * reads `document`; elsewhere on the page they are reported, since the page
 * is not ours to change.
 */
const DOCUMENT_MEMBERS = [
  'activeElement',
  'adoptNode',
  'addEventListener',
  'body',
  'createComment',
  'createDocumentFragment',
  'createElement',
  'createElementNS',
  'createEvent',
  'createRange',
  'createTextNode',
  'createTreeWalker',
  'caretPositionFromPoint',
  'caretRangeFromPoint',
  'defaultView',
  'documentElement',
  'elementFromPoint',
  'getElementById',
  'getSelection',
  'hasFocus',
  'head',
  'implementation',
  'importNode',
  'querySelector',
  'querySelectorAll',
  'removeEventListener',
  'visibilityState',
] as const;

/** Elements `document` also exposes by their id (only when an img has a name too); other elements' ids hide nothing. */
const EXPOSED_BY_ID = new Set(['img', 'object']);

const selectorOf = (name: string) => `[name="${CSS.escape(name)}"], [id="${CSS.escape(name)}"]`;

/** The member as `document` inherits it (from Document, Node or EventTarget), before any element could hide it. */
function inheritedDescriptor(member: string): PropertyDescriptor | undefined {
  for (
    let proto: object | null = Object.getPrototypeOf(document) as object;
    proto;
    proto = Object.getPrototypeOf(proto) as object | null
  ) {
    const descriptor = Object.getOwnPropertyDescriptor(proto, member);
    if (descriptor) return descriptor;
  }
  return undefined;
}

/** The document members the page's own elements hide, with the elements that hide them. */
function clobbered(): { member: string; elements: Element[] }[] {
  const found: { member: string; elements: Element[] }[] = [];
  for (const member of DOCUMENT_MEMBERS) {
    const descriptor = inheritedDescriptor(member);
    const expected = descriptor?.get ? descriptor.get.call(document) : descriptor?.value;
    if ((document as unknown as Record<string, unknown>)[member] === expected) continue;
    const elements = [...Document.prototype.querySelectorAll.call(document, selectorOf(member))];
    found.push({ member, elements });
  }
  return found;
}

/**
 * Removes the names that hide document members from elements inside
 * `scope` (every `<claim-editor>` when none is given) and reports the rest.
 * Returns what is still hidden.
 */
export function guardDocument(scope?: Element): string[] {
  const hidden = clobbered();
  if (hidden.length === 0) return [];
  const inArticle = (element: Element) =>
    scope ? scope.contains(element) : Element.prototype.closest.call(element, 'claim-editor') !== null;
  for (const { member, elements } of hidden) {
    for (const element of elements.filter(inArticle)) {
      Element.prototype.removeAttribute.call(element, 'name');
      if (EXPOSED_BY_ID.has(element.localName) && Element.prototype.getAttribute.call(element, 'id') === member) {
        Element.prototype.removeAttribute.call(element, 'id');
      }
      console.warn(
        `claim-editor: removed the name "${member}" from an <${element.localName}> in the article: it hid document.${member}.`,
      );
    }
  }
  const left = clobbered().map(({ member }) => member);
  if (left.length > 0) {
    console.error(
      `claim-editor: elements of this page named ${left.map((m) => `"${m}"`).join(', ')} hide the document's own ${left.length === 1 ? 'method' : 'methods'}; the editor may not work until they are renamed.`,
    );
  }
  return left;
}

// Importing this module guards the page as it is when the editor loads; each editor guards its own article again when
// it connects.
guardDocument();
