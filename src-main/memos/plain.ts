// The plain-text mirror of a memo body (a serialised Lexical editor state).
// Derived here rather than taken from the renderer so that search and the
// report narrative always match what the memo really says, and so that a body
// that is not an editor state is refused before anything is written.

interface LexNode {
  type?: unknown;
  text?: unknown;
  children?: unknown;
}

const BLOCKS = new Set(['paragraph', 'heading', 'quote', 'listitem', 'list', 'code']);

function isNode(value: unknown): value is LexNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Plain text of one node: text as is, line breaks as '\n', blocks one per line. */
function textOf(node: LexNode, depth: number): string {
  // Editor states are shallow; a deep one is hostile input, not a memo.
  if (depth > 64) throw new Error('too deep');
  if (node.type === 'text') return typeof node.text === 'string' ? node.text : '';
  if (node.type === 'linebreak') return '\n';
  if (node.type === 'tab') return '\t';
  if (!Array.isArray(node.children)) return '';
  const children = node.children.filter(isNode);
  const parts = children.map((child) => textOf(child, depth + 1));
  // Block children (paragraphs, list items) each get their own line.
  let out = '';
  children.forEach((child, i) => {
    if (i > 0 && (BLOCKS.has(String(child.type)) || BLOCKS.has(String(children[i - 1]!.type)))) out += '\n';
    out += parts[i];
  });
  return out;
}

/**
 * Plain text of a memo body; '' for an empty body. Returns null when the body
 * is not a Lexical editor state (not JSON, or no root node).
 */
export function plainFromBody(body: string): string | null {
  if (body === '') return '';
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  if (!isNode(parsed) || !isNode((parsed as { root?: unknown }).root)) return null;
  const root = (parsed as { root: LexNode }).root;
  if (root.type !== 'root' || !Array.isArray(root.children)) return null;
  try {
    return textOf(root, 0).trim();
  } catch {
    return null;
  }
}

/** Case- and diacritic-insensitive form for matching ("Coördinatie" → "coordinatie"). */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('nl');
}
