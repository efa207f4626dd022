import { useTranslation } from 'react-i18next';
import type { ModelCapabilities } from '../../../../shared/domain';

/** 128000 → "128K", 1048576 → "1M": how context windows are usually quoted. */
export function contextLabel(tokens: number): { key: 'models.contextK' | 'models.contextM'; count: number } {
  // Powers of two are quoted in KiB (131072 → 128K), round numbers in thousands (200000 → 200K).
  const binary = tokens % 1000 !== 0;
  if (tokens >= 1_000_000) return { key: 'models.contextM', count: Math.round((tokens / (binary ? 1_048_576 : 1_000_000)) * 10) / 10 };
  return { key: 'models.contextK', count: Math.round(tokens / (binary ? 1024 : 1000)) };
}

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
