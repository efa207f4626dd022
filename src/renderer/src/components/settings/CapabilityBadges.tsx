import { useTranslation } from 'react-i18next';
import type { ModelCapabilities } from '../../../../shared/domain';
import { contextLabel } from './modelListOps';

/** Small badges for what a model can do (vision, tools, reasoning) and its context window. */
export function CapabilityBadges({ capabilities }: { capabilities: ModelCapabilities }) {
  const { t } = useTranslation();
  const context = capabilities.contextWindow === null ? null : contextLabel(capabilities.contextWindow);
  return (
    <span className="cap-badges" data-testid="capability-badges">
      {(['vision', 'tools', 'reasoning'] as const)
        .filter((key) => capabilities[key])
        .map((key) => (
          <span key={key} className={`cap-badge cap-badge--${key}`} data-cap={key}>
            {t(`models.${key}`)}
          </span>
        ))}
      {context && (
        <span className="cap-badge cap-badge--context" data-cap="context" title={t('models.contextWindow')}>
          {t(context.key, { count: context.count })}
        </span>
      )}
    </span>
  );
}
