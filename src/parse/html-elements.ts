/**
 * The HTML5 element categories that html-text.ts's tree builder needs (tree-construction rules and rendering), as
 * sets of lower-case tag names. Only the categories that change the rendered text are here.
 */
export const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html', 'li', 'main', 'nav', 'ol',
  'p', 'pre', 'section', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul', 'caption', 'title',
]);
/** Elements whose content is never rendered. */
export const SKIP_TAGS = new Set(['script', 'style', 'head', 'noscript', 'template']);
/** Elements with no content and no end tag. */
export const VOID_TAGS = new Set([
  'area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'image', 'img', 'input', 'keygen', 'link',
  'meta', 'param', 'source', 'track', 'wbr',
]);
/** Tags that belong in `<head>`: before the body starts, they (and their content) stay out of the text. */
export const HEAD_TAGS = new Set(['base', 'basefont', 'bgsound', 'link', 'meta', 'title', 'noscript', 'noframes', 'style', 'script', 'template', 'head']);
/** HTML5's "special" category: an end tag for an element opened outside one of these does not close it. */
export const SPECIAL_TAGS = new Set([
  'address', 'applet', 'area', 'article', 'aside', 'base', 'basefont', 'bgsound', 'blockquote', 'body', 'br', 'button',
  'caption', 'center', 'col', 'colgroup', 'dd', 'details', 'dir', 'div', 'dl', 'dt', 'embed', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'frame', 'frameset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hgroup', 'hr',
  'html', 'iframe', 'img', 'input', 'keygen', 'li', 'link', 'listing', 'main', 'marquee', 'menu', 'meta', 'nav',
  'noembed', 'noframes', 'noscript', 'object', 'ol', 'p', 'param', 'plaintext', 'pre', 'script', 'search', 'section',
  'select', 'source', 'style', 'summary', 'table', 'tbody', 'td', 'template', 'textarea', 'tfoot', 'th', 'thead',
  'title', 'tr', 'track', 'ul', 'wbr', 'xmp',
]);
/** Formatting elements: their end tag closes them even across a block opened inside (the adoption agency). */
export const FORMATTING_TAGS = new Set(['a', 'b', 'big', 'code', 'em', 'font', 'i', 'nobr', 's', 'small', 'strike', 'strong', 'tt', 'u']);
/** End tags of these close their element through any other block, as long as it is in scope. */
export const BLOCK_END_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'button', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'fieldset',
  'figcaption', 'figure', 'footer', 'header', 'hgroup', 'listing', 'main', 'menu', 'nav', 'ol', 'pre', 'search',
  'section', 'summary', 'ul', 'li', 'dd', 'dt', 'p', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
]);
/** Start tags that close an open `<p>` first (HTML5 "close a p element"). */
export const CLOSES_P = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'fieldset',
  'figcaption', 'figure', 'footer', 'header', 'hgroup', 'main', 'menu', 'nav', 'ol', 'p', 'search', 'section', 'summary',
  'ul', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'listing', 'form', 'plaintext', 'hr', 'xmp', 'li', 'dd', 'dt',
]);
export const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Elements an end tag does not reach through (HTML5's "has an element in scope"). */
export const SCOPE_TAGS = new Set(['applet', 'caption', 'html', 'table', 'td', 'th', 'marquee', 'object', 'template']);
export const SECTION_TAGS = new Set(['tbody', 'thead', 'tfoot']);
export const CELL_TAGS = new Set(['td', 'th']);
/** Where the table rules apply: the innermost of these on the stack says whether we are in a cell, a row, … */
export const TABLE_PARTS = new Set(['table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th', 'caption']);
/** Table parts in which text and other elements are foster-parented (not a cell or caption). */
export const FOSTERING_PARTS = new Set(['table', 'tbody', 'thead', 'tfoot', 'tr']);
