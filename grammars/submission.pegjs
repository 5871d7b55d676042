// EDGAR submission grammar (peggy).
//
// Handles every container shape of docs/design.md §2:
//   - tagged full submissions: <SEC-DOCUMENT> or 1993–96 <IMS-DOCUMENT> roots, with or without the PEM wrapper,
//     a tab-form `KEY:` header (with tag lines mixed in) and <DOCUMENT> blocks;
//   - tag-form headers: `.hdr.sgml`, PDS `.nc` <SUBMISSION> files, `-index-headers.html` pages;
//   - header-only files and headerless runs of <DOCUMENT> blocks;
//   - the flattened text corpora distribute (tags stripped, white space collapsed);
//   - a bare single document (text, HTML, or an XML primary document).
// It does not interpret values (dates, CIKs, roles): it builds generic nodes — fields, sections, flags, stray
// lines, document envelopes with body spans — and src/parse/header.ts gives them meaning.
//
// Speed: lexical work is done by `options.lexer` (src/parse/lexer.ts) with indexOf; rules below decide structure
// from the tokens it returns and then move the cursor with `advance()`. Document bodies are skipped in one step,
// never walked. `advance` assigns peggy's cursor variable directly: peggy exposes no public way for an action to
// consume input measured elsewhere, and this keeps the scanner and the grammar in one parse. peggy is pinned to an
// exact version and test/parse covers every rule that advances.

{
  const lx = options.lexer;
  function advance(to) { peg$currPos = to; }
  function span(start, end) { return { start, end }; }
  // Keys are mapped to the tab-form vocabulary here (lx.tabKey), so one header builder serves every dialect.
  function field(t, form) {
    return { kind: 'field', key: lx.tabKey(t.key, form), rawKey: t.key, value: t.value, form, span: span(t.start, t.contentEnd), valueSpan: span(t.valueStart, t.contentEnd) };
  }
  function section(t, form, children, closed, end) {
    return { kind: 'section', key: lx.tabKey(t.key, form), rawKey: t.key, form, children, closed, span: span(t.start, end) };
  }
}

Start
  = Tagged
  / Flattened
  / Bare

// ---------------------------------------------------------------------------------------------------------------
// Tagged shapes

Tagged
  = pre:Preamble &{ return lx.startsTaggedShape(offset()); } body:TaggedBody { return { ...body, preamble: pre }; }

Preamble
  = pem:PemHeader? { return pem ? { kind: 'pem', span: pem } : { kind: 'none', span: span(0, offset()) }; }

PemHeader
  = "-----BEGIN PRIVACY-ENHANCED MESSAGE-----" ""
    {
      const s = offset();
      const next = lx.firstTagLine(s);
      advance(next < 0 ? input.length : next);
      return span(0, peg$currPos);
    }

TaggedBody
  = RootDocument
  / NcSubmission
  / IndexHeadersHtml
  / HeaderOnly
  / LooseHeader
  / BareDocuments

RootDocument
  = open:Line &{ return open.kind === 'open' && (open.key === 'SEC-DOCUMENT' || open.key === 'IMS-DOCUMENT'); }
    header:HeaderBlock?
    docs:DocumentsAndStrays
    close:RootClose?
    trailer:Trailer
    {
      return { shape: open.key === 'IMS-DOCUMENT' ? 'ims-submission' : 'full-submission', root: { tag: open.key, stamp: open.value, closed: close !== null, span: span(open.start, open.contentEnd) }, header, documents: docs.documents, strays: docs.strays, trailer };
    }

NcSubmission
  = open:Line &{ return open.kind === 'open' && open.key === 'SUBMISSION'; }
    items:HeaderItem*
    docs:DocumentsAndStrays
    close:RootClose?
    trailer:Trailer
    {
      const header = { tag: 'SUBMISSION', stamp: null, items, closed: close !== null, span: span(open.start, items.length ? items[items.length - 1].span.end : open.contentEnd) };
      return { shape: 'pds-submission', root: { tag: 'SUBMISSION', stamp: null, closed: close !== null, span: span(open.start, open.contentEnd) }, header, documents: docs.documents, strays: docs.strays, trailer };
    }

// An EDGAR `-index-headers.html` page: the tag-form header sits in an HTML comment; the <PRE> copy is ignored.
IndexHeadersHtml
  = &{ return lx.isIndexHeadersHtml(offset()); } SkipToSecHeader
    header:HeaderBlock
    trailer:Trailer
    { return { shape: 'index-headers-html', root: null, header, documents: [], strays: [], trailer }; }

SkipToSecHeader
  = "" { advance(lx.input.indexOf('<SEC-HEADER>', offset())); }

HeaderOnly
  = header:HeaderBlock docs:DocumentsAndStrays close:RootClose? trailer:Trailer
    { return { shape: docs.documents.length ? 'full-submission' : 'header-only', root: null, header, documents: docs.documents, strays: docs.strays, trailer }; }

// A `.hdr.sgml` saved without its <SEC-HEADER> line: starts at <ACCEPTANCE-DATETIME> or `ACCESSION NUMBER:`.
LooseHeader
  = items:HeaderItem+ docs:DocumentsAndStrays close:RootClose? trailer:Trailer
    {
      const header = { tag: null, stamp: null, items, closed: false, span: span(items[0].span.start, items[items.length - 1].span.end) };
      return { shape: 'header-only', root: null, header, documents: docs.documents, strays: docs.strays, trailer };
    }

BareDocuments
  = docs:DocumentsAndStrays &{ return docs.documents.length > 0; } close:RootClose? trailer:Trailer
    { return { shape: 'documents-only', root: null, header: null, documents: docs.documents, strays: docs.strays, trailer }; }

RootClose
  = c:Line &{ return c.kind === 'close' && (c.key === 'SEC-DOCUMENT' || c.key === 'IMS-DOCUMENT' || c.key === 'SUBMISSION'); }
    { return span(c.start, c.contentEnd); }

// Whatever follows the structure: a PEM trailer, blank lines, or damage (reported by the caller, never dropped).
Trailer
  = "" { const s = offset(); advance(input.length); return span(s, input.length); }

// ---------------------------------------------------------------------------------------------------------------
// The header: tab form (`KEY:<TAB>value`, nesting by leading TABs) and tag form (`<TAG>value`, containers closed)

HeaderBlock
  = open:Line &{ return open.kind === 'open' && (open.key === 'SEC-HEADER' || open.key === 'IMS-HEADER'); }
    items:HeaderItem*
    close:HeaderClose?
    {
      const end = close ? close.end : (items.length ? items[items.length - 1].span.end : open.contentEnd);
      return { tag: open.key, stamp: open.value, items, closed: close !== null, span: span(open.start, end) };
    }

HeaderClose
  = c:Line &{ return c.kind === 'close' && (c.key === 'SEC-HEADER' || c.key === 'IMS-HEADER'); }
    { return span(c.start, c.contentEnd); }

HeaderItem
  = item:(TabEntity / TagContainer / TagLeaf / TabOrphanBlock / TabField / StrayLine) { return item; }

// `FILER:` and its indented blocks. A depth-0 section that is a known block name (spaces used instead of TABs)
// is a block, not an entity.
TabEntity
  = s:Line &{ return s.kind === 'section' && s.depth === 0 && !lx.isBlockName(s.key); }
    children:EntityChild*
    {
      const end = children.length ? children[children.length - 1].span.end : s.contentEnd;
      return section(s, 'tab', children, true, end);
    }

// A stray closing tag inside an entity (`</COMPANY-DATA>` in a tab header) is kept as a stray and the entity goes on.
EntityChild
  = child:(TabBlock / TabNestedField / StrayClose) { return child; }

StrayClose
  = s:Line &{ return s.kind === 'close' && !lx.isStructural(s.key); }
    { return { kind: 'stray', text: lx.input.slice(s.start, s.contentEnd), span: span(s.start, s.contentEnd) }; }

TabBlock
  = s:Line &{ return s.kind === 'section' && (s.depth >= 1 || lx.isBlockName(s.key)); }
    fields:BlockField*
    {
      const end = fields.length ? fields[fields.length - 1].span.end : s.contentEnd;
      return section(s, 'tab', fields, true, end);
    }

BlockField
  = f:Line &{ return f.kind === 'field' && f.depth >= 1; } { return field(f, 'tab'); }

TabNestedField
  = f:Line &{ return f.kind === 'field' && f.depth >= 1; } { return field(f, 'tab'); }

TabOrphanBlock
  = TabBlock

TabField
  = f:Line &{ return f.kind === 'field' || f.kind === 'section'; } { return field(f, 'tab'); }

// A container such as <FILER> … </FILER>. A missing closing tag leaves `closed: false` for a warning.
TagContainer
  = o:Line &{ return o.kind === 'open' && o.value === '' && !lx.isStructural(o.key) && lx.isContainer(o.key) && lx.nestingAllowed(o.start); }
    children:TagChild*
    c:(c:Line &{ return c.kind === 'close' && c.key === o.key; } { return c; })?
    {
      const end = c ? c.contentEnd : (children.length ? children[children.length - 1].span.end : o.contentEnd);
      return section(o, 'tag', children, c !== null, end);
    }

// 1990s headers put tab-form blocks (`COMPANY DATA:` and its indented fields) inside tag containers.
TagChild
  = item:(TagContainer / TagLeaf / TabBlock / TabNestedField / TabField) { return item; }

TagLeaf
  = o:Line &{ return o.kind === 'open' && !lx.isStructural(o.key); } { return field(o, 'tag'); }

// A closing tag that closes nothing, or a line that is neither tag nor `KEY:` — kept so the caller can warn.
StrayLine
  = s:Line &{ return (s.kind === 'close' && !lx.isStructural(s.key)) || s.kind === 'text'; }
    { return { kind: 'stray', text: lx.input.slice(s.start, s.contentEnd), span: span(s.start, s.contentEnd) }; }

// ---------------------------------------------------------------------------------------------------------------
// Documents

DocumentsAndStrays
  = parts:(Document / BetweenDocumentsStray)*
    {
      const documents = [], strays = [];
      for (const p of parts) (p.kind === 'document' ? documents : strays).push(p);
      return { documents, strays };
    }

BetweenDocumentsStray
  = s:Line &{ return !(s.kind === 'close' && lx.isStructural(s.key)) && !(s.kind === 'open' && s.key === 'DOCUMENT') && s.kind !== 'blank'; }
    { return { kind: 'stray', text: lx.input.slice(s.start, s.contentEnd), span: span(s.start, s.contentEnd) }; }

Document
  = open:Line &{ return open.kind === 'open' && open.key === 'DOCUMENT'; }
    meta:DocumentMeta*
    text:DocumentText?
    close:(c:Line &{ return c.kind === 'close' && c.key === 'DOCUMENT'; } { return c; })?
    {
      const end = close ? close.contentEnd : text ? text.resume : (meta.length ? meta[meta.length - 1].span.end : open.contentEnd);
      return {
        kind: 'document', meta, span: span(open.start, end),
        body: text ? span(text.start, text.end) : null,
        textOpened: text !== null, textClosed: text ? text.closed : false, documentClosed: close !== null,
      };
    }

DocumentMeta
  = m:Line &{ return m.kind === 'open' && m.key !== 'TEXT' && m.key !== 'DOCUMENT'; } { return field(m, 'tag'); }

DocumentText
  = t:Line &{ return t.kind === 'open' && t.key === 'TEXT'; } ""
    {
      // Body starts on the line after <TEXT>, or right after the tag when content shares its line.
      const start = t.value === '' ? t.next : lx.input.indexOf('>', t.start) + 1;
      const b = lx.bodyEnd(start);
      advance(b.resume);
      return { start, end: b.end, resume: b.resume, closed: b.closedByTextTag };
    }

// ---------------------------------------------------------------------------------------------------------------
// Flattened text: one line, tags stripped, header keys run together, documents start at `TYPE SEQ FILENAME`.

Flattened
  = &{ return lx.looksFlattened(); } pre:FlatPreamble items:FlatHeaderItem* docs:FlatDocument* trailer:FlatTrailer
    {
      const header = items.length ? { tag: null, stamp: pre.stamp, items, closed: true, span: span(items[0].span.start, items[items.length - 1].span.end) } : null;
      return { shape: header ? 'flattened-submission' : 'flattened-document', preamble: { kind: pre.pem ? 'pem' : 'none', span: pre.span }, root: null, header, documents: docs, strays: [], trailer, flatStamp: pre };
    }

FlatPreamble
  = "" { const p = lx.flatPreamble(); advance(p.span.end); return p; }

FlatHeaderItem
  = FlatEntity / FlatTopField

FlatEntity
  = k:FlatKey &{ return lx.isEntityName(k.key) && k.value === ''; } children:(FlatBlock / FlatLeafField)*
    {
      const end = children.length ? children[children.length - 1].span.end : k.end;
      return { kind: 'section', key: k.key, rawKey: k.key, form: 'flat', children, closed: true, span: span(k.start, end) };
    }

FlatBlock
  = k:FlatKey &{ return lx.isBlockName(k.key) && k.value === ''; } fields:FlatLeafField*
    {
      const end = fields.length ? fields[fields.length - 1].span.end : k.end;
      return { kind: 'section', key: k.key, rawKey: k.key, form: 'flat', children: fields, closed: true, span: span(k.start, end) };
    }

FlatLeafField
  = k:FlatKey &{ return !lx.isEntityName(k.key) && !lx.isBlockName(k.key) && !lx.isTopLevelKey(k.key); }
    { return { kind: 'field', key: k.key, rawKey: k.key, value: k.value, form: 'flat', span: span(k.start, k.end), valueSpan: span(k.valueStart, k.end) }; }

FlatTopField
  = k:FlatKey &{ return !lx.isEntityName(k.key) && !lx.isBlockName(k.key); }
    { return { kind: 'field', key: k.key, rawKey: k.key, value: k.value, form: 'flat', span: span(k.start, k.end), valueSpan: span(k.valueStart, k.end) }; }

// A known header key with its value (which runs to the next known key or document start). Measured by the lexer.
FlatKey
  = &{ return lx.flatField(offset()) !== null; } . { const f = lx.flatField(offset()); advance(f.end); return f; }

FlatDocument
  = &{ return lx.flatDocument(offset()) !== null; } .
    {
      const d = lx.flatDocument(offset());
      advance(d.span.end);
      return {
        kind: 'document', span: d.span, body: d.body, textOpened: true, textClosed: d.closed, documentClosed: d.closed,
        meta: d.meta.map((m) => ({ kind: 'field', key: m.key, rawKey: m.key, value: m.value, form: 'flat', span: m.span, valueSpan: m.span })),
      };
    }

FlatTrailer
  = "" { const s = offset(); advance(input.length); return span(s, input.length); }

// ---------------------------------------------------------------------------------------------------------------
// No envelope at all: one document (an exhibit, an HTML form, an XML primary document).

Bare
  = "" { advance(input.length); return { shape: 'bare-document', preamble: { kind: 'none', span: span(0, 0) }, root: null, header: null, documents: [{ kind: 'document', meta: [], span: span(0, input.length), body: span(0, input.length), textOpened: false, textClosed: true, documentClosed: true }], strays: [], trailer: span(input.length, input.length) }; }

// ---------------------------------------------------------------------------------------------------------------
// Lines, measured by the lexer. Blank lines carry no meaning in any envelope, so the lexer steps over them and `Line`
// is the next non-blank line. Each scanner rule matches one character with `.` before advancing, so that peggy's
// static checks know it consumes input (the lexer never reports an empty token).

Line
  = &{ return lx.headerLine(offset()) !== null; } . { const t = lx.headerLine(offset()); advance(t.next); return t; }

