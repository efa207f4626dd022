import { memo } from 'react';
import { fullDateTime, messageTime } from '../../state/dates';
import type { AnswerContext, MessageRole, Usage } from '../../../../shared/domain';
import { useRowText } from './rowText';

interface Props {
  role: MessageRole;
  createdAt: number;
  model: string | null;
  usage: Usage | null;
  /** What part of the conversation the answer was given; a note appears when older messages or images were left out. */
  context?: AnswerContext | null;
}

/**
 * Time and model under a message; token usage appears on hover when the provider sent it.
 * Takes fields, not the message, so it does not re-render on every streamed delta.
 */
export const MessageMeta = memo(function MessageMeta({ role, createdAt, model, usage, context }: Props) {
  const { t, language } = useRowText();
  const usageText = usage
    ? t('message.usage', { prompt: usage.promptTokens, completion: usage.completionTokens, total: usage.totalTokens })
    : undefined;
  const trimmed = role === 'assistant' && context != null && context.sent < context.total;
  const imagesLeftOut = role === 'assistant' ? (context?.imagesLeftOut ?? 0) : 0;
  return (
    <div className="message-meta" title={usageText}>
      <time dateTime={new Date(createdAt).toISOString()} title={fullDateTime(language, createdAt)} data-testid="message-time">
        {messageTime(language, createdAt)}
      </time>
      {role === 'assistant' && model && <span className="message-meta__model">{model}</span>}
      {usage && (
        <span className="message-meta__usage" aria-label={usageText}>
          {t('message.tokens', { total: usage.totalTokens })}
        </span>
      )}
      {trimmed && (
        <span className="message-meta__context" data-testid="context-note">
          {t('message.contextNote', {
            sent: context.sent,
            total: context.total,
            window: context.contextWindow.toLocaleString(language),
          })}
        </span>
      )}
      {imagesLeftOut > 0 && (
        <span className="message-meta__context" data-testid="images-left-out-note">
          {t('message.imagesLeftOut', { n: imagesLeftOut, model: model ?? '' })}
        </span>
      )}
    </div>
  );
});
