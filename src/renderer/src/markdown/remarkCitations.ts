/**
 * Turns citation marks like [1] or [2][3] in answer text into `cite` elements that the
 * Citation component links to their sources. Code, links and link labels are left alone, so
 * `arr[1]` in a code span stays code.
 */
interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  data?: { hName?: string; hProperties?: Record<string, string> };
}

const MARK = /\[(\d{1,3})\]/g;
const SKIP: ReadonlySet<string> = new Set(['link', 'linkReference', 'inlineCode', 'code', 'definition', 'html']);

export function remarkCitations() {
  return (tree: MdNode) => walk(tree);
}

function walk(node: MdNode): void {
  if (!node.children || SKIP.has(node.type)) return;
  const next: MdNode[] = [];
  for (const child of node.children) {
    if (child.type === 'text' && child.value && MARK.test(child.value)) next.push(...split(child.value));
    else {
      walk(child);
      next.push(child);
    }
  }
  node.children = next;
}

function split(text: string): MdNode[] {
  const out: MdNode[] = [];
  let last = 0;
  MARK.lastIndex = 0;
  for (let m = MARK.exec(text); m; m = MARK.exec(text)) {
    if (m.index > last) out.push({ type: 'text', value: text.slice(last, m.index) });
    out.push({
      type: 'citation',
      children: [{ type: 'text', value: m[0] }],
      data: { hName: 'cite', hProperties: { dataN: m[1]! } },
    });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ type: 'text', value: text.slice(last) });
  return out;
}
