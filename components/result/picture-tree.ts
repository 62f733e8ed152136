/**
 * The result's picture as data (result-picture.tsx): the elements the page drew, as a tree that holds
 * only what a picture needs to take the same boxes — tags, classes, the few attributes that change a
 * box or a link's look, and text. Written from the page by `treeOf` once the result is shown; drawn
 * again by `drawTree`, whose source the page's inline script carries, before the scripts load on the
 * next load of the result page.
 *
 * What is read from storage is never markup: `drawTree` makes each element with `createElement`
 * from a tag on the list below, sets only the attributes on the list, puts text in as text, and
 * refuses the whole tree (the loading line stays) at the first thing it does not know.
 */

/** A text, or an element: its tag, its attributes, its children. */
export type TPictureNode = string | [tag: string, attributes: Record<string, string>, ...children: TPictureNode[]];

/**
 * What a picture may hold. No ids and no references between elements (the page's own are in the
 * document beside it for a frame); no `open` (the page draws its folds closed); no handler, no
 * style, no link off the site.
 */
export const PICTURE_ALLOWED = {
  tags: 'a div section p h1 h2 h3 ul ol li dl dt dd strong em b i span br details summary figure figcaption table caption thead tbody tr th td svg g text rect line title'.split(' '),
  /** Drawn in SVG's namespace (inside an `svg`, every element is). */
  svg: 'svg',
  attributes: 'class role aria-hidden hidden href scope viewBox preserveAspectRatio x y width height x1 x2 y1 y2'.split(' '),
  /**
   * A link stays on the site: a path (not `//`) or a place on the page, in the characters the page's
   * own addresses use. Nothing a browser reads as something else: a `\` is a `/` to it, and it
   * drops tabs and line breaks (`/\evil.example` and `/<tab>/evil.example` lead off the site).
   */
  href: '^(/(?!/)|#)[A-Za-z0-9/#?&=._~%-]*$',
  /** Past this many elements and texts, the tree is not a result page's: refused. */
  maxNodes: 6000,
  /** Past this many characters kept, the same. */
  maxLength: 200_000,
  /** How long the picture stands in for a page whose scripts have not come (ms): then the loading line. */
  stale: 15_000,
} as const;

export type TPictureAllowed = typeof PICTURE_ALLOWED;

/** An element (or text) of the page as a picture's node; null for what a picture leaves out. */
export function treeOf(node: Node, allowed: TPictureAllowed = PICTURE_ALLOWED, href = new RegExp(allowed.href)): TPictureNode | null {
  if (node.nodeType === 3) return (node as Text).data;
  if (node.nodeType !== 1) return null;
  const element = node as Element;
  const tag = element.localName;
  if (!allowed.tags.includes(tag)) return null;
  const attributes: Record<string, string> = {};
  for (const name of allowed.attributes) {
    const value = element.getAttribute(name);
    if (value !== null && (name !== 'href' || href.test(value))) attributes[name] = value;
  }
  const children: TPictureNode[] = [];
  for (const child of element.childNodes) {
    const drawn = treeOf(child, allowed, href);
    if (drawn !== null) children.push(drawn);
  }
  return [tag, attributes, ...children];
}

/**
 * The element a tree draws, or an error at the first thing it does not know (the caller shows
 * nothing then). Self-contained: its source is the inline script's (result-picture.tsx).
 */
export function drawTree(tree: unknown, allowed: TPictureAllowed, doc: Document): Element {
  let count = 0;
  const href = new RegExp(allowed.href);
  const draw = (node: unknown, inSvg: boolean): Node => {
    if (++count > allowed.maxNodes) throw 0;
    if (typeof node === 'string') return doc.createTextNode(node);
    const [tag, attributes] = Array.isArray(node) ? (node as unknown[]) : [];
    if (typeof tag !== 'string' || allowed.tags.indexOf(tag) < 0 || Object.prototype.toString.call(attributes) !== '[object Object]') throw 0;
    const svg = inSvg || tag === allowed.svg;
    const element = svg ? doc.createElementNS('http://www.w3.org/2000/svg', tag) : doc.createElement(tag);
    for (const [name, value] of Object.entries(attributes as object)) {
      if (allowed.attributes.indexOf(name) < 0 || typeof value !== 'string' || (name === 'href' && !href.test(value))) throw 0;
      element.setAttribute(name, value);
    }
    for (const child of (node as unknown[]).slice(2)) element.appendChild(draw(child, svg));
    return element;
  };
  const drawn = draw(tree, false);
  if (drawn.nodeType !== 1) throw 0;
  return drawn as Element;
}
