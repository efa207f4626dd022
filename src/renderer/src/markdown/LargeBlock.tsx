import { memo, useMemo } from 'react';
import { FENCE_LINE, pieceRuns, pieces, sameTexts, shownPieces } from './largeText';
import type { SettledText } from './splitBlocks';

const Piece = memo(function Piece({ text }: { text: string }) {
  return <span className="md-piece">{text}</span>;
});

/**
 * A run of pieces. While a long line grows only its last run has new text, so an update
 * compares a few runs instead of every piece (a 200,000-character line is ~100 pieces).
 */
const PieceRun = memo(
  function PieceRun({ texts }: { texts: readonly string[] }) {
    return texts.map((text, index) => <Piece key={index} text={text} />);
  },
  (before, after) => sameTexts(before.texts, after.texts),
);

/**
 * A very large block as plain text in pieces: a fenced code block keeps its code look (without
 * highlighting), anything else keeps its line breaks. Never widens the page: pieces wrap.
 */
export const LargeBlock = memo(function LargeBlock({ raw, settled }: { raw: string; settled?: SettledText }) {
  const headText = settled?.head;
  // The head does not change while the line grows: cut it once.
  const head = useMemo(() => (headText ? pieces(headText.replace(FENCE_LINE, '')) : []), [headText]);
  const { code, texts } = shownPieces(raw, settled, head);
  const children = pieceRuns(texts).map((run, index) => <PieceRun key={index} texts={run} />);
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
