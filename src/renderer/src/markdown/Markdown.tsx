import { memo, useContext, useLayoutEffect, useMemo, useState } from 'react';
import { FillFromEnd } from './fillOrder';
import { finishedAnswer, type FinishedAnswer } from './finishedAnswer';
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
 *
 * A block is mounted afresh once, when it finishes (its key changes): React keeps, for every
 * element rendered more than once, the version before (the fiber's alternate), and a block
 * re-rendered on each update while it grew would hold that second copy for good — a streamed
 * answer's heap was twice the same answer rendered once. Mounted fresh and memoized, it holds
 * one version and is never rendered again.
 */
const BlockGroup = memo(function BlockGroup({ blocks, growing }: GroupProps) {
  const last = blocks.length - 1;
  return (
    <div className="md-group">
      {blocks.map((block, index) => (
        <MarkdownBlock
          key={block.final ? `f${index}` : index}
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

/** The parts of a finished answer on screen: `from` to `to` (exclusive). */
interface ShownParts {
  answer: FinishedAnswer;
  from: number;
  to: number;
}

/** One part to start with, at the end the reader meets first. */
function firstPart(answer: FinishedAnswer, fromEnd: boolean): ShownParts {
  const n = answer.partCount;
  return fromEnd ? { answer, from: Math.max(0, n - 1), to: n } : { answer, from: 0, to: Math.min(1, n) };
}

/** Parts already rendered (a remount) cost only building their DOM: this many are added per task. */
const RENDERED_PARTS_PER_TASK = 12;

/**
 * The next parts, on the side not yet complete (towards the start when drawn from the end): one
 * that must be parsed, or up to RENDERED_PARTS_PER_TASK already rendered.
 */
function moreParts(shown: ShownParts): ShownParts {
  const { answer } = shown;
  let { from, to } = shown;
  for (let added = 0; added < RENDERED_PARTS_PER_TASK && (from > 0 || to < answer.partCount); added++) {
    const next = from > 0 ? from - 1 : to;
    if (added > 0 && !answer.isRendered(next)) break;
    if (from > 0) from--;
    else to++;
    if (!answer.isRendered(next)) break;
  }
  return { answer, from, to };
}

/**
 * A finished answer, kept across remounts (see finishedAnswer), drawn a part (PART_BLOCKS
 * blocks) per task: a 50,000-token answer is seconds of parsing and building, which in one task
 * froze the window. `data-pending` is set until every part is drawn.
 */
function FinishedMarkdown({ content, cacheKey }: { content: string; cacheKey: string }) {
  const answer = useMemo(() => finishedAnswer(cacheKey, content), [cacheKey, content]);
  const fillFromEnd = useContext(FillFromEnd);
  const [state, setShown] = useState(() => firstPart(answer, fillFromEnd()));
  let shown = state;
  if (shown.answer !== answer) {
    // Another answer (edited, continued): start again from one part.
    shown = firstPart(answer, fillFromEnd());
    setShown(shown);
  }
  const pending = shown.from > 0 || shown.to < answer.partCount;
  // Scheduled as the parts are committed, not after the paint: the next part's task may run
  // before the next frame, and the browser still paints and takes input between tasks.
  useLayoutEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => setShown(moreParts), 0);
    return () => clearTimeout(timer);
  }, [state, pending]);
  const indexes = Array.from({ length: shown.to - shown.from }, (_, i) => shown.from + i);
  return (
    <div className="markdown" data-testid="message-content" data-pending={pending ? 'true' : undefined}>
      {indexes.map((index) => (
        <div className="md-group" key={index}>
          {shown.answer.part(index)}
        </div>
      ))}
    </div>
  );
}

/**
 * Assistant markdown. An answer seen streaming stays in block mode after it ends (its blocks are
 * already on screen; rendering it all again at the end would be one long task); one opened
 * finished is rendered part by part, and from the cache when its row is mounted again. If it
 * starts streaming again (Continue), it switches to block mode for good.
 */
export const Markdown = memo(function Markdown({ content, streaming, cacheKey }: Props) {
  const [live, setLive] = useState(streaming);
  if (streaming && !live) setLive(true);
  return live || streaming ? <LiveMarkdown content={content} streaming={streaming} /> : <FinishedMarkdown content={content} cacheKey={cacheKey} />;
});
