import { describe, expect, it } from 'vitest';
import { canonicalValue } from '../../src-shared/domain/attribute-values.ts';
import type { AttributeType } from '../../src-shared/contracts/participants.ts';

const attr = (type: AttributeType, choices: string[] = []) => ({ type, choices });

describe('canonicalValue: text', () => {
  it('keeps strings as they are and stringifies other values', () => {
    expect(canonicalValue(attr('text'), 'Zoetermeer')).toBe('Zoetermeer');
    expect(canonicalValue(attr('text'), '')).toBe('');
    expect(canonicalValue(attr('text'), 42)).toBe('42');
    expect(canonicalValue(attr('text'), true)).toBe('true');
  });
});

describe('canonicalValue: number', () => {
  it('writes numbers as JavaScript decimal strings', () => {
    expect(canonicalValue(attr('number'), 42)).toBe('42');
    expect(canonicalValue(attr('number'), 0)).toBe('0');
    expect(canonicalValue(attr('number'), -3.5)).toBe('-3.5');
  });

  it('parses numeric strings, with a Dutch decimal comma and surrounding space', () => {
    expect(canonicalValue(attr('number'), '42')).toBe('42');
    expect(canonicalValue(attr('number'), ' 3,5 ')).toBe('3.5');
    expect(canonicalValue(attr('number'), '1.25')).toBe('1.25');
    expect(canonicalValue(attr('number'), '007')).toBe('7');
  });

  it('refuses blanks, words, booleans and non-finite numbers', () => {
    expect(canonicalValue(attr('number'), '')).toBeNull();
    expect(canonicalValue(attr('number'), '   ')).toBeNull();
    expect(canonicalValue(attr('number'), 'veel')).toBeNull();
    expect(canonicalValue(attr('number'), true)).toBeNull();
    expect(canonicalValue(attr('number'), false)).toBeNull();
    expect(canonicalValue(attr('number'), Number.NaN)).toBeNull();
    expect(canonicalValue(attr('number'), Number.POSITIVE_INFINITY)).toBeNull();
    expect(canonicalValue(attr('number'), 'Infinity')).toBeNull();
  });
});

describe('canonicalValue: date', () => {
  it('accepts real calendar dates as YYYY-MM-DD', () => {
    expect(canonicalValue(attr('date'), '2024-02-29')).toBe('2024-02-29');
    expect(canonicalValue(attr('date'), '1999-12-31')).toBe('1999-12-31');
  });

  it('refuses impossible dates and other formats', () => {
    expect(canonicalValue(attr('date'), '2023-02-29')).toBeNull();
    expect(canonicalValue(attr('date'), '2024-13-01')).toBeNull();
    expect(canonicalValue(attr('date'), '2024-04-31')).toBeNull();
    expect(canonicalValue(attr('date'), '29-02-2024')).toBeNull();
    expect(canonicalValue(attr('date'), '2024-2-9')).toBeNull();
    expect(canonicalValue(attr('date'), '2024-02-29T10:00:00Z')).toBeNull();
    expect(canonicalValue(attr('date'), '')).toBeNull();
    expect(canonicalValue(attr('date'), 20240229)).toBeNull();
  });
});

describe('canonicalValue: boolean', () => {
  it('accepts booleans and their canonical strings', () => {
    expect(canonicalValue(attr('boolean'), true)).toBe('true');
    expect(canonicalValue(attr('boolean'), 'true')).toBe('true');
    expect(canonicalValue(attr('boolean'), false)).toBe('false');
    expect(canonicalValue(attr('boolean'), 'false')).toBe('false');
  });

  it('refuses anything else', () => {
    expect(canonicalValue(attr('boolean'), 'ja')).toBeNull();
    expect(canonicalValue(attr('boolean'), 1)).toBeNull();
    expect(canonicalValue(attr('boolean'), 0)).toBeNull();
    expect(canonicalValue(attr('boolean'), 'TRUE')).toBeNull();
  });
});

describe('canonicalValue: choice', () => {
  const region = attr('choice', ['Zoetermeer', 'Gezond Texel', 'Twente']);

  it('accepts exactly the listed choices', () => {
    expect(canonicalValue(region, 'Gezond Texel')).toBe('Gezond Texel');
    expect(canonicalValue(region, 'Twente')).toBe('Twente');
  });

  it('refuses other values, including different case or spacing', () => {
    expect(canonicalValue(region, 'twente')).toBeNull();
    expect(canonicalValue(region, ' Twente')).toBeNull();
    expect(canonicalValue(region, 'Heerenveen')).toBeNull();
    expect(canonicalValue(attr('choice'), '')).toBeNull();
  });
});
