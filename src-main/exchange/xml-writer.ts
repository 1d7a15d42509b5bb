// A small streaming XML writer for the exchange files: element order is the
// schema's, so the writer only has to escape correctly. Characters XML 1.0
// cannot carry (C0 controls other than tab and line breaks, U+FFFE/U+FFFF)
// become U+FFFD; line breaks and tabs inside attribute values are written as
// character references so parsers do not turn them into spaces.

const INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function escapeText(s: string): string {
  return s.replace(INVALID, '\ufffd').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
}

const ATTR_SPECIAL = /[&<"\n\r\t\u0000-\u001f\ufffe\uffff]/;

export function escapeAttr(s: string): string {
  // Most values (GUIDs, numbers, names) need nothing: skip the replacements.
  if (!ATTR_SPECIAL.test(s)) return s;
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

/**
 * Writes straight into UTF-8 bytes: markup is collected in a short string and
 * encoded in chunks, so a 25 MB project file never exists as one JS string
 * (which costs a join, an encode and a lot of garbage collection).
 */
export class XmlWriter {
  #pending = '<?xml version="1.0" encoding="utf-8" standalone="yes"?>\n';
  #bytes = new Uint8Array(1 << 20);
  #length = 0;
  readonly #open: string[] = [];
  readonly #encoder = new TextEncoder();

  #push(markup: string): void {
    this.#pending += markup;
    if (this.#pending.length > 1 << 16) this.#flush();
  }

  #flush(): void {
    const need = this.#length + this.#pending.length * 3;
    if (need > this.#bytes.length) {
      const grown = new Uint8Array(Math.max(need, this.#bytes.length * 2));
      grown.set(this.#bytes.subarray(0, this.#length));
      this.#bytes = grown;
    }
    this.#length += this.#encoder.encodeInto(this.#pending, this.#bytes.subarray(this.#length)).written;
    this.#pending = '';
  }

  #attrs(attrs: Attrs): string {
    let out = '';
    for (const k in attrs) {
      const v = attrs[k];
      if (v === null || v === undefined || v === '') continue;
      out += ` ${k}="${typeof v === 'number' ? v : escapeAttr(String(v))}"`;
    }
    return out;
  }

  open(tag: string, attrs: Attrs = {}): this {
    this.#push(`<${tag}${this.#attrs(attrs)}>`);
    this.#open.push(tag);
    return this;
  }

  close(): this {
    this.#push(`</${this.#open.pop()}>`);
    return this;
  }

  empty(tag: string, attrs: Attrs = {}): this {
    this.#push(`<${tag}${this.#attrs(attrs)}/>`);
    return this;
  }

  /** Markup the caller built and escaped itself (hot loops). */
  raw(markup: string): this {
    this.#push(markup);
    return this;
  }

  /** `<tag>text</tag>`, skipped when text is null. */
  text(tag: string, text: string | null): this {
    if (text !== null) this.#push(`<${tag}>${escapeText(text)}</${tag}>`);
    return this;
  }

  /** The document as UTF-8 bytes. */
  bytes(): Uint8Array {
    if (this.#open.length > 0) throw new Error(`unclosed ${this.#open.join(' > ')}`);
    this.#flush();
    return this.#bytes.subarray(0, this.#length);
  }

  toString(): string {
    return new TextDecoder().decode(this.bytes());
  }
}
