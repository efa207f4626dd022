import { memo, useMemo } from 'react';
import { fencedCode, pieces } from './largeText';
import type { SettledText } from './splitBlocks';

const Piece = memo(function Piece({ text }: { text: string }) {
  return <span className="md-piece">{text}</span>;
});

const FENCE_LINE = /^ {0,3}(?:`{3,}|~{3,})[^\n]*\n?/;

/**
 * The texts to show: the block's pieces, or for a growing long line the head's pieces, then the
 * settled pieces as they are (same strings every update, so memoized pieces skip them), then
 * the newest text. A fenced block shows its code without the fences.
 */
function shownPieces(raw: string, settled: SettledText | undefined, head: string[]): { code: boolean; texts: string[] } {
  if (!settled) {
    const body = fencedCode(raw);
    return { code: body !== null, texts: pieces(body ?? raw) };
  }
  return { code: FENCE_LINE.test(settled.head), texts: head.concat(settled.pieces, pieces(raw)) };
}

/**
 * A very large block as plain text in pieces: a fenced code block keeps its code look (without
 * highlighting), anything else keeps its line breaks. Never widens the page: pieces wrap.
 */
export const LargeBlock = memo(function LargeBlock({ raw, settled }: { raw: string; settled?: SettledText }) {
  const headText = settled?.head;
  // The head does not change while the line grows: cut it once.
  const head = useMemo(() => (headText ? pieces(headText.replace(FENCE_LINE, '')) : []), [headText]);
  const { code, texts } = shownPieces(raw, settled, head);
  const children = texts.map((text, index) => <Piece key={index} text={text} />);
  if (code) {
    return (
      <div className="code-block md-large">
        <pre>
          <code>{children}</code>
        </pre>
      </div>
    );
  }
  return <p className="md-large">{children}</p>;
});
