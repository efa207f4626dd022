import { memo } from 'react';
import { fencedCode, pieces } from './largeText';

const Piece = memo(function Piece({ text }: { text: string }) {
  return <span className="md-piece">{text}</span>;
});

/**
 * A very large block as plain text in pieces: a fenced code block keeps its code look (without
 * highlighting), anything else keeps its line breaks. Never widens the page: pieces wrap.
 */
export const LargeBlock = memo(function LargeBlock({ raw }: { raw: string }) {
  const body = fencedCode(raw);
  if (body !== null) {
    return (
      <div className="code-block md-large">
        <pre>
          <code>{pieces(body).map((text, index) => <Piece key={index} text={text} />)}</code>
        </pre>
      </div>
    );
  }
  return <p className="md-large">{pieces(raw).map((text, index) => <Piece key={index} text={text} />)}</p>;
});
