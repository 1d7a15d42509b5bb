import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src-main/analysis/render/html.ts';
import { neutraliseFormula } from '../../src-main/files/spreadsheet-safety.ts';

describe('report text escaping', () => {
  it('HTML: the five special characters become entities, nothing else changes', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&amp;</a> é — “z”`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt; é — “z”');
  });

  it('CSV: text a spreadsheet would run as a formula gets an apostrophe; numbers and ordinary text stay as they are', () => {
    for (const cell of ['=1+1', '+31 6', '-overig', '@SUM(A1)', '\t=x', '\r=x', '\nx', '=HYPERLINK("http://x")', ' =x', '  -2+3+cmd|\' /C calc\'!A0', '\u00a0@x', '＝1+1']) {
      expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    }
    for (const cell of ['0', '12', '-2', '+3', '1,5', '-0.25', 'Bekostiging', 'Wat is nodig', '', 'a=b', 'x-1', '  Bekostiging']) expect(neutraliseFormula(cell)).toBe(cell);
  });
});
