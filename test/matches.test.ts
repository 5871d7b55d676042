// matchesOf must give exactly what String.prototype.matchAll gives, without touching the regex it is handed.
import { describe, expect, it } from 'vitest';
import { matchesOf } from '../src/matches.js';

const shape = (ms: Iterable<RegExpExecArray>): unknown[] => [...ms].map((m) => [m.index, [...m], m.groups ?? null]);

describe('matchesOf', () => {
  const cases: [RegExp, string][] = [
    [/\d+/g, 'a 12 b 345 c 6'],
    [/x*/g, 'axxb'],
    [/(?<word>[A-Z][a-z]+)/g, 'Alpha beta Gamma'],
    [/(?:)/gu, 'a\u{1F600}b'],
    [/(?:)/g, 'a\u{1F600}b'],
    [/\bname\s+of\s+persons?\s+filing\b/gi, 'NAME OF PERSON FILING: x; name of persons filing'],
    [/,/dg, 'a,b,,c'],
  ];
  for (const [re, text] of cases) {
    it(`matches ${String(re)} like matchAll`, () => {
      expect(shape(matchesOf(re, text))).toEqual(shape(text.matchAll(re)));
      expect(re.lastIndex).toBe(0);
    });
  }

  it('starts at the regex lastIndex, as matchAll does, and leaves it where it was', () => {
    const re = /\d/g;
    re.lastIndex = 3;
    expect(shape(matchesOf(re, '1 2 3 4'))).toEqual(shape('1 2 3 4'.matchAll(re)));
    expect(re.lastIndex).toBe(3);
  });

  it('the same regex used inside the loop (nested, or after a break) does not disturb it', () => {
    const re = /\w+/g;
    const pairs: string[] = [];
    for (const a of matchesOf(re, 'ab cd')) for (const b of matchesOf(re, 'x y')) pairs.push(`${a[0]}${b[0]}`);
    expect(pairs).toEqual(['abx', 'aby', 'cdx', 'cdy']);
    for (const m of matchesOf(re, 'first second')) if (m[0] === 'first') break;
    expect(re.lastIndex).toBe(0);
  });

  it('refuses a regex without the g flag, as matchAll does', () => {
    expect(() => matchesOf(/a/, 'a')).toThrow(TypeError);
    expect(() => 'a'.matchAll(/a/)).toThrow(TypeError);
  });
});
