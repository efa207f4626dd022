import type { Message } from '../../../../shared/domain';
import { Markdown } from '../../markdown/Markdown';
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
  return (
    <div className="bubble bubble--assistant">
      {message.reasoning !== '' && (
        <ThinkingBlock text={message.reasoning} active={streaming && message.content === ''} durationMs={message.reasoningMs} />
      )}
      {waiting && <TypingIndicator />}
      <Markdown content={message.content} streaming={streaming} />
      {!streaming && (message.status !== 'done' || canContinue(message)) && (
        <MessageStatusNote message={message} busy={busy} onRetry={onRetry} onContinue={onContinue} />
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
