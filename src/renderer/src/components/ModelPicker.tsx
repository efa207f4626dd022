import type { Conversation } from '../../../shared/domain';
import { useController } from '../state/context';
import { ModelSelect } from './ModelSelect';

/** Provider and model of one conversation; a change applies to its next answer. */
export function ModelPicker({ conversation, testId = 'model-picker' }: { conversation: Conversation; testId?: string }) {
  const controller = useController();
  return (
    <ModelSelect
      testId={testId}
      value={{ providerId: conversation.providerId, model: conversation.model }}
      onChange={({ providerId, model }) => void controller.setModel(conversation.id, providerId, model)}
    />
  );
}
