import { memo, useMemo, useState } from 'react';
import { finishedAnswer } from './finishedAnswer';
import { MarkdownBlock } from './MarkdownBlock';
import { IncrementalSplitter, type MarkdownBlock as Block } from './splitBlocks';

/** Highlighting a growing code block this large every frame costs more than it shows. */
const LIVE_HIGHLIGHT_LIMIT = 8000;

interface Props {
  content: string;
  streaming: boolean;
  /** The message's id: a finished answer's rendering is kept under it across remounts. */
  cacheKey: string;
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
 * A streaming answer as a list of blocks. Only the last block changes, so only it re-renders;
 * the split itself re-lexes just the open tail (see splitBlocks).
 */
function LiveMarkdown({ content, streaming }: { content: string; streaming: boolean }) {
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
}

/** A finished answer: one markdown pass, kept across remounts (see finishedAnswer). */
function FinishedMarkdown({ content, cacheKey }: { content: string; cacheKey: string }) {
  const { groups } = useMemo(() => finishedAnswer(cacheKey, content), [cacheKey, content]);
  return (
    <div className="markdown" data-testid="message-content">
      {groups.map((blocks, index) => (
        <div className="md-group" key={index}>
          {blocks}
        </div>
      ))}
    </div>
  );
}

/**
 * Assistant markdown. An answer seen streaming stays in block mode after it ends (its blocks are
 * already on screen; rendering it all again at the end would be one long task); one opened
 * finished is rendered in one pass, and from the cache when its row is mounted again. If it
 * starts streaming again (Continue), it switches to block mode for good.
 */
export const Markdown = memo(function Markdown({ content, streaming, cacheKey }: Props) {
  const [live, setLive] = useState(streaming);
  if (streaming && !live) setLive(true);
  return live || streaming ? <LiveMarkdown content={content} streaming={streaming} /> : <FinishedMarkdown content={content} cacheKey={cacheKey} />;
});
