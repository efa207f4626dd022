import { ModelPicker } from '../components/ModelPicker';
import { ModelSelect } from '../components/ModelSelect';
import { useAppState, useController } from '../state/context';
import { newChatChoice } from '../state/modelChoice';

/**
 * The model of this quick ask. Before the first question there is no conversation yet: the
 * choice is kept for it, starting from the quick model in settings.
 */
export function QuickModelPicker() {
  const controller = useController();
  const conversation = useAppState((s) => s.conversations.find((c) => c.id === s.activeId) ?? null);
  const draft = useAppState((s) => s.newChatModel);
  const settings = useAppState((s) => s.settings);
  const providers = useAppState((s) => s.providers);
  if (conversation) return <ModelPicker conversation={conversation} testId="quick-model-picker" />;
  return (
    <ModelSelect
      testId="quick-model-picker"
      value={draft ?? newChatChoice('quick', settings, providers)}
      onChange={(choice) => controller.setNewChatModel(choice)}
    />
  );
}
