import { memo, useMemo, useState } from 'react';
import { MarkdownBlock } from './MarkdownBlock';
import { IncrementalSplitter, type MarkdownBlock as Block } from './splitBlocks';

/** Highlighting a growing code block this large every frame costs more than it shows. */
const LIVE_HIGHLIGHT_LIMIT = 8000;

interface Props {
  content: string;
  streaming: boolean;
}

interface GroupProps {
  blocks: readonly Block[];
  /** The group holds the block still growing: skip highlighting it when it is very large. */
  growing: boolean;
}

/**
 * A run of blocks. Groups of finished blocks keep their identity, so an update compares a
 * few groups instead of every block; off-screen groups are skipped by layout (CSS
 * content-visibility on .md-group).
 */
const BlockGroup = memo(function BlockGroup({ blocks, growing }: GroupProps) {
  const last = blocks.length - 1;
  return (
    <div className="md-group">
      {blocks.map((block, index) => (
        <MarkdownBlock
          key={index}
          raw={block.raw}
          settled={block.settled}
          highlight={!growing || index < last || block.raw.length < LIVE_HIGHLIGHT_LIMIT}
        />
      ))}
    </div>
  );
});

/**
 * Assistant markdown as a list of blocks. While streaming only the last block changes, so
 * only it re-renders; the split itself re-lexes just the open tail (see splitBlocks).
 */
export const Markdown = memo(function Markdown({ content, streaming }: Props) {
  const [splitter] = useState(() => new IncrementalSplitter());
  const groups = useMemo(() => splitter.split(content, { appended: streaming }).groups, [splitter, content, streaming]);
  const last = groups.length - 1;
  return (
    <div className={streaming ? 'markdown is-streaming' : 'markdown'} data-testid="message-content">
      {groups.map((blocks, index) => (
        <BlockGroup key={index} blocks={blocks} growing={streaming && index === last} />
      ))}
    </div>
  );
});
