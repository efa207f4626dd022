import { memo, useMemo, useState } from 'react';
import { MarkdownBlock } from './MarkdownBlock';
import { IncrementalSplitter } from './splitBlocks';

/** Highlighting a growing code block this large every frame costs more than it shows. */
const LIVE_HIGHLIGHT_LIMIT = 8000;

interface Props {
  content: string;
  streaming: boolean;
}

/**
 * Assistant markdown as a list of blocks. While streaming only the last block changes, so
 * only it re-renders; the split itself re-lexes just the tail (see splitBlocks).
 */
export const Markdown = memo(function Markdown({ content, streaming }: Props) {
  const [splitter] = useState(() => new IncrementalSplitter());
  const blocks = useMemo(() => splitter.split(content).blocks, [splitter, content]);
  const last = blocks.length - 1;
  return (
    <div className={streaming ? 'markdown is-streaming' : 'markdown'} data-testid="message-content">
      {blocks.map((block, index) => (
        <MarkdownBlock
          key={index}
          raw={block.raw}
          highlight={!streaming || index < last || block.raw.length < LIVE_HIGHLIGHT_LIMIT}
        />
      ))}
    </div>
  );
});
