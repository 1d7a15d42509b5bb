import type { AttributeDef } from '../contracts/participants.ts';

/**
 * The canonical text form of a typed attribute value, or null when the value
 * does not fit the type: numbers as JS decimal strings, dates as YYYY-MM-DD,
 * booleans as 'true'/'false', choices exactly as listed.
 */
export function canonicalValue(attr: Pick<AttributeDef, 'type' | 'choices'>, value: string | number | boolean): string | null {
  switch (attr.type) {
    case 'text':
      return String(value);
    case 'number': {
      const n = typeof value === 'number' ? value : Number(String(value).trim().replace(',', '.'));
      return typeof value === 'boolean' || String(value).trim() === '' || !Number.isFinite(n) ? null : String(n);
    }
    case 'date': {
      const s = String(value);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return null;
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s ? s : null;
    }
    case 'boolean':
      if (value === true || value === 'true') return 'true';
      if (value === false || value === 'false') return 'false';
      return null;
    case 'choice':
      return attr.choices.includes(String(value)) ? String(value) : null;
  }
}
