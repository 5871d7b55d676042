/**
 * The cover header of a text or rendered-HTML schedule: Name of Issuer, Title of Class of Securities, CUSIP(s), Date
 * of Event, amendment number and (13G) the Rule 13d-1 boxes.
 *
 * Handles: the standard layout (value on the line(s) above its parenthesised caption), the flattened sample (value and
 * caption on one line between separator runs), the "CAPTION: value" house styles (J.P. Morgan 1995), covers with no
 * header at all (Items 1(a)/2(d) are read instead), CUSIPs repeated on each cover page (`CUSIP No. …`), amendment
 * numbers split over lines, rule boxes before or after their labels.
 * Does not handle: XML schedules (xml-reader.ts) or the issuer CIK (index.ts takes it from the SEC header).
 */
import type { Span } from '../../parse/types.js';
import { findCusips } from './cusip.js';
import { checkedLabels, logicalLines, type Label } from './layout.js';
import type { HeaderDraft, RuleBox, ScheduleKind } from './types.js';
import { findDate } from '../lexicon/index.js';
import { collapse } from './values.js';
import { matchesOf } from '../../matches.js';

const ISSUER_CAPTION = /\(\s*Name\s+of\s+(?:the\s+)?(?:Subject\s+Company\s*\(\s*)?Issuer\s*\)?\s*\)/i;
const CLASS_CAPTION = /\(\s*Title\s+(?:of|and)\s+(?:the\s+)?Class(?:es)?\s+(?:of|and)\s+Securit(?:y|ies)\s*\)/i;
const CUSIP_CAPTION = /\(\s*CUSIP\s+(?:Numbers?|No\.?)(?:\s+of\s+Class\s+of\s+Securities)?\s*\)/i;
// The match starts where `\(?\s*` would start it (the paren, or the first blank of a run), but the lookbehind lets only
// that one position try: `\(?\s*` tried from every blank of a run and scanned the rest of it (200,000 newlines: 16 s).
const DATE_CAPTION = /(?:\(|(?<![\s(]))\s*Date\s+of\s+(?:the\s+)?Event\s+(?:Which|that)\s+Requir[a-z]*\s+(?:the\s+)?Fil+ing(?:\s+of\s+(?:this|the|his)\s+(?:Statement|Schedule)\s*\)?)?/i;

/** Form furniture that can share a line with a value; the value is what follows the last of them. */
const FURNITURE =
  /\(\s*Amendment\s+No[^)]*\)(?:\s*(?:\(\s*\d{1,2}\s*\)|\*+|\d(?!\d)))?|\bUnder\s+the\s+Securities\s+Exchange\s+Act\s+of\s+19\d\d\b|\(\s*Rule\s+13d-\d+\s*\)|\([^()]*(?:Communications|Name\s+of\s+(?:the\s+)?Issuer|Class\s+of\s+Securities|CUSIP\s+Number)[^()]*\)/gi;

/** Above the date only a caption line or the notices caption ends the block (the date's prose may say "13G"). */
const DATE_STOP = /^\s*\(.*\)\s*(?:\*\s*)?$|^\s*\)|Notices\s+and\s+Communications/i;

/** A line that belongs to the form's own furniture, never to a value: stops the walk up from a caption. */
// (`\s*(?:\*\s*)?` and `\s*(?:\(\s*)?`: the plain `\s*\*?\s*` split a run of blanks every possible way.)
const STRUCTURAL =
  /^\s*\([^)]*\b(?:Name|Title|CUSIP|Date|Address|Amendment|Rule|Filing|Offeror|Issuer|Page|Continued)\b.*\)\s*(?:\*\s*)?$|^\s*\)|Notices\s+and\s+Communications|Securities\s+Exchange\s+Act|SCHEDULE\s+13|13d-\d|Amendment\s+No|Washington|COMMISSION|^\s*(?:\(\s*)?Rule\b|INFORMATION\s+(?:TO\s+BE\s+)?INCLUDED|^\s*<PAGE>/i;

interface Line {
  text: string;
  start: number;
  end: number;
}

function linesOf(text: string, from: number, to: number): Line[] {
  return logicalLines(text.slice(from, to)).map((l) => ({ text: l.text, start: from + l.start, end: from + l.start + l.text.length }));
}

function isBlank(s: string): boolean {
  return /^[\s\-_=*.\u2013\u2014]*$/.test(s);
}

/**
 * The value printed above a parenthesised caption: the contiguous non-blank lines just before it (at most
 * `maxLines`), stopping at a blank line or the form's furniture. Text on the caption's own line before it counts.
 */
function valueAbove(
  text: string,
  captionStart: number,
  floor: number,
  maxLines: number,
  stop: RegExp = STRUCTURAL,
): { value: string; span: Span } | null {
  const lines = linesOf(text, floor, captionStart);
  const picked: Line[] = [];
  let k = lines.length - 1;
  // Skip blank lines (and separator runs) right above the caption.
  while (k >= 0 && isBlank(lines[k]!.text)) k -= 1;
  for (; k >= 0 && picked.length < maxLines; k -= 1) {
    const line = lines[k]!;
    if (isBlank(line.text)) break;
    // Furniture earlier on the same line (the flattened sample runs "(Amendment No. 2)(1) HUDSON TECHNOLOGIES, INC."
    // and "…Communications) February 16, 2001" together): the value is what follows it, if anything.
    let cut = -1;
    for (const m of matchesOf(FURNITURE, line.text)) cut = m.index + m[0].length;
    if (cut >= 0) {
      const rest = line.text.slice(cut);
      if (/[A-Za-z0-9]/.test(rest.replace(/^\s*(?:\(\s*\d{1,2}\s*\)|\*+)\s*/, ''))) {
        const lead = rest.length - rest.trimStart().length;
        const t = rest.trim();
        picked.unshift({ text: t, start: line.start + cut + lead, end: line.start + cut + lead + t.length });
      }
      break;
    }
    if (stop.test(line.text)) break;
    const t = line.text.trimEnd();
    picked.unshift({ text: t, start: line.start, end: line.start + t.length });
  }
  if (picked.length === 0) return null;
  const value = collapse(picked.map((l) => l.text).join(' ')).replace(/^[:\-\s]+/, '');
  if (!value) return null;
  const first = picked[0]!;
  const lead = first.text.length - first.text.trimStart().length;
  return { value, span: { start: first.start + lead, end: picked[picked.length - 1]!.end } };
}

/** The value after a "CAPTION:" label: the rest of its line, or the next non-blank line. */
function valueAfter(text: string, re: RegExp, from: number, to: number): { value: string; span: Span } | null {
  const slice = text.slice(from, to);
  const m = re.exec(slice);
  if (!m) return null;
  let pos = from + m.index + m[0].length;
  const lineEnd = (p: number): number => {
    const e = text.indexOf('\n', p);
    return e < 0 || e > to ? to : e;
  };
  for (let tries = 0; tries < 3 && pos < to; tries += 1) {
    const e = lineEnd(pos);
    const raw = text.slice(pos, e);
    const t = raw.replace(/^[\s:.-]+/, '').trimEnd();
    if (t) {
      const s = pos + raw.indexOf(t);
      return { value: collapse(t), span: { start: s, end: s + t.length } };
    }
    pos = e + 1;
  }
  return null;
}

export interface HeaderOptions {
  kind: ScheduleKind;
  /** Where the first cover page starts (the header lies before it); the text length when there is none. */
  headerEnd: number;
  /** Where the last cover page ends: `CUSIP No.` lines up to here count. */
  coversEnd: number;
}

/** Read the cover header of a text schedule. Missing values are null; index.ts turns them into warnings. */
export function readCoverHeader(text: string, options: HeaderOptions): HeaderDraft {
  const { kind } = options;
  const headerEnd = Math.min(options.headerEnd, text.length);
  const out: HeaderDraft = { issuerName: null, classTitle: null, cusips: [], eventDate: null, amendmentNumber: null, ruleBoxes: kind === '13G' ? [] : null, spans: {} };
  const header = text.slice(0, headerEnd);

  // Issuer and class: the value above the parenthesised caption; else "CAPTION: value" in the header; else Items.
  const issuerCap = ISSUER_CAPTION.exec(header);
  const classCap = CLASS_CAPTION.exec(header);
  const cusipCap = CUSIP_CAPTION.exec(header);
  if (issuerCap) {
    const v = valueAbove(text, issuerCap.index, 0, 3);
    if (v) {
      out.issuerName = v.value;
      out.spans.issuerName = v.span;
    }
  }
  if (classCap) {
    const floor = issuerCap && issuerCap.index < classCap.index ? issuerCap.index + issuerCap[0].length : 0;
    const v = valueAbove(text, classCap.index, floor, 4);
    if (v) {
      out.classTitle = v.value;
      out.spans.classTitle = v.span;
    }
  }
  if (!out.issuerName) {
    const v =
      valueAfter(text, /\bNAME\s+OF\s+(?:THE\s+)?ISSUER\s*:/i, 0, headerEnd) ??
      valueAfter(text, /\bItem\s+1\s*\(?a\)?\.?\s*:?\s*Name\s+of\s+(?:the\s+)?Issuer\s*[:.]?/i, 0, text.length);
    if (v) {
      out.issuerName = v.value;
      out.spans.issuerName = v.span;
    }
  }
  if (!out.classTitle) {
    const v =
      valueAfter(text, /\bTITLE\s+OF\s+(?:THE\s+)?CLASS\s+OF\s+SECURITIES\s*:/i, 0, headerEnd) ??
      valueAfter(text, /\bItem\s+2\s*\(?d\)?\.?\s*:?\s*Title\s+of\s+(?:the\s+)?Class\s+of\s+Securities\s*[:.]?/i, 0, text.length);
    if (v) {
      out.classTitle = v.value;
      out.spans.classTitle = v.span;
    }
  }

  if (!out.issuerName && !out.classTitle) {
    // Caption-less header (Fidelity's template): "Amendment No. 1 / Brookstone Inc. / common stock / Cusip # …".
    const cusipLine = /^[ \t]*CUSIP\s*(?:No\.?|Number|#)/im.exec(header);
    if (cusipLine) {
      const lines = linesOf(text, 0, cusipLine.index).filter((l) => !isBlank(l.text));
      const two = lines.slice(-2);
      if (two.length === 2 && two.every((l) => !STRUCTURAL.test(l.text) && /[A-Za-z]/.test(l.text))) {
        const [issuer, cls] = two as [Line, Line];
        out.issuerName = collapse(issuer.text);
        out.spans.issuerName = { start: issuer.start, end: issuer.end };
        out.classTitle = collapse(cls.text);
        out.spans.classTitle = { start: cls.start, end: cls.end };
      }
    }
  }

  // CUSIPs: the header value above "(CUSIP Number)", then every "CUSIP No. …" line up to the last cover page.
  const cusips: { cusip: string; start: number; end: number }[] = [];
  if (cusipCap) {
    const floor = classCap && classCap.index < cusipCap.index ? classCap.index + classCap[0].length : 0;
    const v = valueAbove(text, cusipCap.index, floor, 2);
    if (v) for (const c of findCusips(text.slice(v.span.start, v.span.end))) cusips.push({ ...c, start: c.start + v.span.start, end: c.end + v.span.start });
  }
  const coversEnd = Math.min(Math.max(options.coversEnd, headerEnd), text.length);
  for (const m of matchesOf(/(?<!\(\s*)\bCUSIP\s*(?:No\.?|Number|#|NO)?\s*[:.#]?[ \t]*/gi, text.slice(0, coversEnd))) {
    const from = m.index + m[0].length;
    let lineEnd = text.indexOf('\n', from);
    if (lineEnd < 0) lineEnd = text.length;
    let segEnd = Math.min(lineEnd, from + 48);
    if (text.slice(from, segEnd).trim() === '' && lineEnd < text.length) {
      // "CUSIP NO." with the number on the next line (1995 layouts).
      const nextEnd = text.indexOf('\n', lineEnd + 1);
      segEnd = Math.min(nextEnd < 0 ? text.length : nextEnd, lineEnd + 1 + 48);
    }
    const seg = text.slice(from, segEnd);
    const found = findCusips(seg)[0];
    if (found) cusips.push({ ...found, start: found.start + from, end: found.end + from });
  }
  cusips.sort((a, b) => a.start - b.start);
  for (const c of cusips) if (!out.cusips.includes(c.cusip)) out.cusips.push(c.cusip);
  if (cusips[0]) out.spans.cusips = { start: cusips[0].start, end: cusips[0].end };

  // Date of event: the date above its caption (or, in "caption: value" styles, after it).
  const dateCap = DATE_CAPTION.exec(header);
  if (dateCap) {
    const floor = cusipCap && cusipCap.index < dateCap.index ? cusipCap.index + cusipCap[0].length : 0;
    const above = valueAbove(text, dateCap.index, floor, 4, DATE_STOP);
    let date = above ? findDate(text.slice(above.span.start, above.span.end)) : null;
    let base = above?.span.start ?? 0;
    if (!date) {
      const after = valueAfter(text, DATE_CAPTION, dateCap.index, Math.min(headerEnd, dateCap.index + 400));
      if (after) {
        date = findDate(text.slice(after.span.start, after.span.end));
        base = after.span.start;
      }
    }
    if (date) {
      out.eventDate = date.iso;
      out.spans.eventDate = { start: base + date.start, end: base + date.end };
    }
  }

  // Amendment number: "(Amendment No. 2)", "AMENDMENT NO: 3", "(Amendment No. _2_)", "(Amendment No.\n11\n)".
  const amend = /\bAmendment\s+No\s*[.:#]?\s*[_\s]*(\d{1,3})(?!\d)/i.exec(header);
  if (amend) {
    out.amendmentNumber = Number(amend[1]);
    const s = amend.index + amend[0].length - amend[1]!.length;
    out.spans.amendmentNumber = { start: s, end: s + amend[1]!.length };
  }

  if (kind === '13G') {
    const boxes = readRuleBoxes(text, headerEnd);
    out.ruleBoxes = boxes.boxes;
    if (boxes.span) out.spans.ruleBoxes = boxes.span;
  }
  return out;
}

/** The 13G "Check the appropriate box to designate the rule pursuant to which this Schedule is filed" boxes. */
function readRuleBoxes(text: string, headerEnd: number): { boxes: RuleBox[]; span: Span | null } {
  const anchor = /designate\s+the\s+rule/i.exec(text.slice(0, headerEnd));
  const from = anchor ? anchor.index + anchor[0].length : 0;
  const to = anchor ? Math.min(headerEnd, from + 600) : headerEnd;
  const labels: Label<RuleBox>[] = [];
  const region = text.slice(from, to);
  // `13d-i(c)` (letter i typed for 1) occurs; `13d-1(b)(1)(ii)` is an Item 3 reference, not a box.
  for (const m of matchesOf(/(?:Rule\s+)?(?:\u00a7\s*)?(?:240\.)?13d\s*-\s*[1iI]\s*\(\s*([bcd])\s*\)(?!\s*\(\s*\d)/gi, region)) {
    const key = `13d-1(${m[1]!.toLowerCase()})` as RuleBox;
    if (labels.some((l) => l.key === key)) continue;
    labels.push({ key, start: from + m.index, end: from + m.index + m[0].length });
  }
  if (labels.length === 0) return { boxes: [], span: null };
  const checked = checkedLabels(text, labels, from, Math.min(to, labels[labels.length - 1]!.end + 40));
  const first = checked[0];
  return {
    boxes: checked.map((c) => c.key),
    span: first ? { start: first.start, end: first.end } : null,
  };
}
