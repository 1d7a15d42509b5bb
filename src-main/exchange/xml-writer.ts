// A small streaming XML writer for the exchange files: element order is the
// schema's, so the writer only has to escape correctly. Characters XML 1.0
// cannot carry (C0 controls other than tab and line breaks, U+FFFE/U+FFFF)
// become U+FFFD; line breaks and tabs inside attribute values are written as
// character references so parsers do not turn them into spaces.

const INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function escapeText(s: string): string {
  return s.replace(INVALID, '\ufffd').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

export function escapeAttr(s: string): string {
  return s
    .replace(INVALID, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

export type Attrs = Record<string, string | number | boolean | null | undefined>;

export class XmlWriter {
  readonly #parts: string[] = ['<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n'];
  readonly #open: string[] = [];

  #attrs(attrs: Attrs): string {
    let out = '';
    for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined && v !== '') out += ` ${k}="${escapeAttr(String(v))}"`;
    return out;
  }

  open(tag: string, attrs: Attrs = {}): this {
    this.#parts.push(`<${tag}${this.#attrs(attrs)}>`);
    this.#open.push(tag);
    return this;
  }

  close(): this {
    this.#parts.push(`</${this.#open.pop()}>`);
    return this;
  }

  empty(tag: string, attrs: Attrs = {}): this {
    this.#parts.push(`<${tag}${this.#attrs(attrs)}/>`);
    return this;
  }

  /** `<tag>text</tag>`, skipped when text is null. */
  text(tag: string, text: string | null): this {
    if (text !== null) this.#parts.push(`<${tag}>${escapeText(text)}</${tag}>`);
    return this;
  }

  toString(): string {
    if (this.#open.length > 0) throw new Error(`unclosed ${this.#open.join(' > ')}`);
    return this.#parts.join('');
  }
}
