import { useMemo } from 'react';
import type { Conversation, Message } from '../../../../shared/domain';
import { useAppState, useController } from '../../state/context';
import { streamingMessage } from '../../state/listOps';
import { defaultProvider, newChatChoice, type ModelChoice } from '../../state/modelChoice';
import type { AppState } from '../../state/store';
import { ModelCombobox } from './ModelCombobox';

/** The streaming answer of this conversation, if one streams in this window. */
function liveAnswer(s: AppState, conversationId: string | null): Message | undefined {
  return conversationId !== null && s.messages?.conversationId === conversationId ? streamingMessage(s.messages.list) : undefined;
}

/**
 * The model writing this conversation's streaming answer. Selected as plain values: the answer
 * itself is a new object with every delta, and selecting it re-rendered the picker many times a
 * second while an answer streamed (issue #12.4).
 */
function useAnsweringModel(conversationId: string | null): ModelChoice | null {
  const providerId = useAppState((s) => liveAnswer(s, conversationId)?.providerId ?? null);
  const model = useAppState((s) => liveAnswer(s, conversationId)?.model ?? null);
  return useMemo(() => (providerId === null ? null : { providerId, model }), [providerId, model]);
}

/**
 * Provider and model of one conversation; a change applies to its next answer. A chat that
 * names no provider is answered by the default one, so that is what the picker shows.
 *
 * With no conversation yet (a blank "New chat", also after a reload) the choice is kept for its
 * first message, starting from the defaults of this window. It is one component for both, so a
 * picker opened while "New chat" is being created stays open when the chat appears.
 */
export function ModelPicker({
  conversation,
  origin,
  testId = 'model-picker',
}: {
  conversation: Conversation | null;
  origin: Conversation['origin'];
  testId?: string;
}) {
  const controller = useController();
  const fallbackId = useAppState((s) => defaultProvider(s.settings, s.providers)?.id ?? null);
  const draft = useAppState((s) => s.newChatModel);
  const settings = useAppState((s) => s.settings);
  const providers = useAppState((s) => s.providers);
  const answering = useAnsweringModel(conversation?.id ?? null);
  if (!conversation) {
    return (
      <ModelCombobox
        testId={testId}
        value={draft ?? newChatChoice(origin, settings, providers)}
        onChange={(choice) => controller.setNewChatModel(choice)}
      />
    );
  }
  const providerId = conversation.providerId ?? fallbackId;
  return (
    <ModelCombobox
      testId={testId}
      value={{ providerId, model: conversation.providerId === null ? null : conversation.model }}
      answering={answering}
      onChange={({ providerId, model }) => void controller.setModel(conversation.id, providerId, model)}
    />
  );
}
