import { ModelPicker } from '../components/modelPicker/ModelPicker';
import { useAppState } from '../state/context';

/**
 * The model of this quick ask. Before the first question there is no conversation yet: the
 * choice is kept for it, starting from the quick model in settings.
 */
export function QuickModelPicker() {
  const conversation = useAppState((s) => s.conversations.find((c) => c.id === s.activeId) ?? null);
  return <ModelPicker conversation={conversation} origin="quick" testId="quick-model-picker" />;
}
