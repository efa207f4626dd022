import { useTranslation } from 'react-i18next';
import { CapabilityBadges } from '../settings/CapabilityBadges';
import type { PickerOption } from './pickerList';

interface Props {
  id: string;
  option: PickerOption;
  active: boolean;
  selected: boolean;
  onHover: () => void;
  onChoose: () => void;
}

/** One model in the list: its name, a tick when it is the chosen one, what the catalog knows of it. */
export function ModelOptionRow({ id, option, active, selected, onHover, onChoose }: Props) {
  const { t } = useTranslation();
  const caps = option.capabilities;
  const hasBadges = caps !== null && (caps.vision || caps.tools || caps.reasoning || caps.contextWindow !== null);
  return (
    <div
      id={id}
      role="option"
      aria-selected={selected}
      className={`model-option${active ? ' is-active' : ''}${selected ? ' is-selected' : ''}`}
      data-testid="model-option"
      data-provider={option.providerName}
      data-model={option.model ?? ''}
      // The search field keeps the focus: a click must not take it away before it chooses.
      onMouseDown={(e) => e.preventDefault()}
      onMouseMove={active ? undefined : onHover}
      onClick={onChoose}
    >
      <span className="model-option__tick" aria-hidden="true">
        {selected ? '✓' : ''}
      </span>
      <span className="model-option__name">{option.model ?? (option.providerId === null ? option.providerName : t('conversation.noModel'))}</span>
      {hasBadges && <CapabilityBadges capabilities={caps} />}
    </div>
  );
}
