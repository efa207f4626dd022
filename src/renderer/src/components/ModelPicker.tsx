import type { Conversation } from '../../../shared/domain';
import { useAppState, useController } from '../state/context';
import { defaultProvider, newChatChoice } from '../state/modelChoice';
import { ModelSelect } from './ModelSelect';

/**
 * Provider and model of one conversation; a change applies to its next answer. A chat that
 * names no provider is answered by the default one, so that is what the picker shows.
 */
export function ModelPicker({ conversation, testId = 'model-picker' }: { conversation: Conversation; testId?: string }) {
  const controller = useController();
  const fallbackId = useAppState((s) => defaultProvider(s.settings, s.providers)?.id ?? null);
  const providerId = conversation.providerId ?? fallbackId;
  return (
    <ModelSelect
      testId={testId}
      value={{ providerId, model: conversation.providerId === null ? null : conversation.model }}
      onChange={({ providerId, model }) => void controller.setModel(conversation.id, providerId, model)}
    />
  );
}

/**
 * The model of a chat not created yet (a blank "New chat", also after a reload): the choice is
 * kept for its first message, starting from the defaults of this window.
 */
export function DraftModelPicker({ origin, testId = 'model-picker' }: { origin: Conversation['origin']; testId?: string }) {
  const controller = useController();
  const draft = useAppState((s) => s.newChatModel);
  const settings = useAppState((s) => s.settings);
  const providers = useAppState((s) => s.providers);
  return (
    <ModelSelect
      testId={testId}
      value={draft ?? newChatChoice(origin, settings, providers)}
      onChange={(choice) => controller.setNewChatModel(choice)}
    />
  );
}
