import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../hooks/useErrorText';
import type { TestState } from './useProviderForm';

/** "Works — N models", or why not, next to the Test connection button. */
export function TestResult({ state }: { state: TestState }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  if (state.status === 'idle') return null;
  if (state.status === 'testing') {
    return (
      <span className="test-result" data-testid="provider-test-result" role="status">
        {t('provider.testing')}
      </span>
    );
  }
  if (state.status === 'ok') {
    return (
      <span className="test-result is-ok" data-testid="provider-test-result" role="status">
        {t('provider.testOk', { count: state.models.length })}
      </span>
    );
  }
  if (state.status === 'needsKey') {
    return (
      <span className="test-result is-error" data-testid="provider-test-result" role="alert">
        {state.field.name === 'apiKey' ? t('models.enterKey') : t('provider.fieldNeeded', { field: state.field.vendorLabel })}
      </span>
    );
  }
  return (
    <span className="test-result is-error" data-testid="provider-test-result" role="alert" title={state.error.detail}>
      {errorText(state.error)}
    </span>
  );
}
