import type { Message } from '../../../../shared/domain';
import type { WebSource } from '../../../../shared/webSearch';
import { CitationSources } from '../../markdown/Citation';
import { Markdown } from '../../markdown/Markdown';
import { SearchSteps } from './SearchSteps';
import { ToolSteps } from './ToolSteps';
import { SourceList } from './SourceList';
import { canContinue, MessageStatusNote } from './MessageStatusNote';
import { ThinkingBlock } from './ThinkingBlock';

interface Props {
  message: Message;
  busy: boolean;
  onRetry: () => void;
  onContinue: () => void;
}

export function AssistantBody({ message, busy, onRetry, onContinue }: Props) {
  const streaming = message.status === 'streaming';
  const waiting = streaming && message.content === '' && message.reasoning === '';
  const search = message.webSearch;
  return (
    <div className="bubble bubble--assistant">
      {search && search.steps.length > 0 && <SearchSteps record={search} live={streaming} />}
      {message.toolSteps && message.toolSteps.length > 0 && (
        <ToolSteps conversationId={message.conversationId} steps={message.toolSteps} live={streaming} finishReason={message.finishReason} />
      )}
      {message.reasoning !== '' && (
        <ThinkingBlock text={message.reasoning} active={streaming && message.content === ''} durationMs={message.reasoningMs} />
      )}
      {waiting && <TypingIndicator />}
      <CitationSources.Provider value={search?.sources ?? NO_SOURCES}>
        <Markdown content={message.content} streaming={streaming} cacheKey={message.id} />
      </CitationSources.Provider>
      {search && search.sources.length > 0 && <SourceList sources={search.sources} />}
      {!streaming && (message.status !== 'done' || canContinue(message)) && (
        <MessageStatusNote message={message} busy={busy} onRetry={onRetry} onContinue={onContinue} />
      )}
    </div>
  );
}

const NO_SOURCES: readonly WebSource[] = [];

function TypingIndicator() {
  return (
    <span className="typing" aria-hidden="true">
      <span />
      <span />
      <span />
    </span>
  );
}
