import type { Message } from '../../../../shared/domain';
import { Markdown } from '../../markdown/Markdown';
import { MessageStatusNote } from './MessageStatusNote';
import { ThinkingBlock } from './ThinkingBlock';

interface Props {
  message: Message;
  busy: boolean;
  onRetry: () => void;
}

export function AssistantBody({ message, busy, onRetry }: Props) {
  const streaming = message.status === 'streaming';
  const waiting = streaming && message.content === '' && message.reasoning === '';
  return (
    <div className="bubble bubble--assistant">
      {message.reasoning !== '' && <ThinkingBlock text={message.reasoning} active={streaming && message.content === ''} />}
      {waiting && <TypingIndicator />}
      <Markdown content={message.content} streaming={streaming} />
      {message.status !== 'streaming' && message.status !== 'done' && (
        <MessageStatusNote message={message} busy={busy} onRetry={onRetry} />
      )}
    </div>
  );
}

function TypingIndicator() {
  return (
    <span className="typing" aria-hidden="true">
      <span />
      <span />
      <span />
    </span>
  );
}
