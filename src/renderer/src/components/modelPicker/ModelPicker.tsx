import type { Conversation, Message } from '../../../../shared/domain';
import { useAppState, useController } from '../../state/context';
import { streamingMessage } from '../../state/listOps';
import { defaultProvider, newChatChoice, type ModelChoice } from '../../state/modelChoice';
import { ModelCombobox } from './ModelCombobox';

/** The model writing this conversation's streaming answer, if one streams in this window. */
function useAnsweringModel(conversationId: string | null): ModelChoice | null {
  const live: Message | undefined = useAppState((s) =>
    conversationId !== null && s.messages?.conversationId === conversationId ? streamingMessage(s.messages.list) : undefined,
  );
  if (!live || live.providerId === null) return null;
  return { providerId: live.providerId, model: live.model };
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
