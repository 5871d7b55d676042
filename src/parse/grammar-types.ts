/**
 * What the submission grammar's actions return (grammars/submission.pegjs): generic nodes with spans, before
 * src/parse/index.ts gives them meaning. The generated parser's declaration names `RawTree` as the return type of its
 * start rule (scripts/build-grammar.mjs), so a change to the actions' shape shows up as a type error here.
 */
import type { HeaderNode, SourceFormat, Span } from './types.js';

export interface RawDocument {
  kind: 'document';
  meta: HeaderNode[];
  span: Span;
  body: Span | null;
  textOpened: boolean;
  textClosed: boolean;
  documentClosed: boolean;
}

export interface RawHeaderBlock {
  tag: string | null;
  stamp: string | null;
  items: HeaderNode[];
  closed: boolean;
  span: Span;
}

export interface RawTree {
  shape: SourceFormat;
  preamble: { kind: 'pem' | 'none'; span: Span };
  root: { tag: string; stamp: string | null; closed: boolean; span: Span } | null;
  header: RawHeaderBlock | null;
  documents: RawDocument[];
  strays: { kind: 'stray'; text: string; span: Span }[];
  trailer: Span;
  flatStamp?: { documentStamp: string | null; headerStamp: string | null; acceptanceDatetime: string | null };
}
