/**
 * The cheap gates of the post-modifier table (`needs`, `endsLike`) may only skip texts a modifier's pattern cannot
 * match: meaningBefore tries a pattern only when both gates pass, so a gate that refuses a matching text would change
 * what a definition means. Each sample is a shape the pattern is there for, after a name it follows.
 */
import { describe, expect, it } from 'vitest';
import { endingOf, POST_MODIFIERS } from '../../src/extract/defined-terms/post-modifiers.js';

const SAMPLES: string[] = [
  'Acme Holdings LLC\n\n- 4 -',
  'Acme Holdings LLC\n<PAGE>',
  'Acme Holdings LLC\n   Page 4 of 9',
  'Bar Capital LLC, a Delaware limited liability company,',
  'Bar Capital Ltd., an exempted company incorporated in the Cayman Islands',
  'Bar Bank, a banking corporation organized under the laws of the State of New York',
  'Carl Marks Management Company, L.P., a registered investment adviser,',
  'Foo Partners LP, a Delaware general partner',
  'Richard C. Perry, in his capacities as the President and sole stockholder of Perry Corp.',
  'the Notes, subject to adjustment',
  'Acme Inc., with its principal executive offices at 1 Main Street, Boston',
  'the Notes, in the aggregate principal amount of $5,000,000',
  'the Debentures in the original principal amount of $5.5 million ,',
  'the 8% Convertible Notes due 2008',
  'the Notes due on June 5, 2003,',
  'the Agreement, dated as of June 5, 2003 and July 1, 2003,',
  'the Warrant dated 6/13/2008',
  'A Fund and B Fund, respectively,',
  'the Agreement, as amended',
  'the Agreement, as amended and restated',
  'the Plan, each as so amended through June 1, 2004',
  'the Agreement, as amended to date',
  'the Agreement, as amended from time to time,',
  'shares in accordance with the terms set forth in Exhibit 99.1 attached hereto',
  'shares substantially in accordance with the terms described on Schedule A-1',
  'the Common Stock, $0.01 par value per share',
  'the Common Stock, no par value',
  'the Common Stock, 10 cents par value,',
  'the Notes, which are not convertible until 2009',
  'Acme Holdings (formerly Beta Corp.)',
  'the Common Stock, par value $.01 per share',
  'the Common Stock, par value $0.001,',
  'the Common Stock, par value $0.001\u00a0',
];

describe('post-modifier gates', () => {
  it('let through every sample a pattern matches, and the samples cover every gated modifier', () => {
    const covered = new Set<number>();
    for (const sample of SAMPLES) {
      const lower = sample.toLowerCase();
      const ending = endingOf(sample);
      POST_MODIFIERS.forEach((p, k) => {
        const m = p.re.exec(sample);
        if (!m || m.index === 0) return;
        covered.add(k);
        expect(p.needs.some((w) => lower.includes(w)), `needs of modifier ${k} on ${JSON.stringify(sample)}`).toBe(true);
        if (p.endsLike) expect(p.endsLike.test(ending), `endsLike of modifier ${k} on ${JSON.stringify(sample)}`).toBe(true);
      });
    }
    const gated = POST_MODIFIERS.flatMap((p, k) => (p.endsLike ? [k] : []));
    expect(gated.filter((k) => !covered.has(k))).toEqual([]);
  });

  it('endingOf takes off trailing blanks and commas (any Unicode space) and keeps the last characters, lower-cased', () => {
    expect(endingOf('B Fund, Respectively , \n\t')).toBe('b fund, respectively');
    expect(endingOf('A Fund and B Fund, Respectively')).toHaveLength(24);
    expect(endingOf('par value $0.001\u00a0\u2003,')).toBe('par value $0.001');
    expect(endingOf(' ,\n')).toBe('');
  });
});
