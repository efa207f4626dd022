import { useTranslation } from 'react-i18next';
import type { CustomTestError, CustomTestResult } from '../../../../shared/customEndpoint';
import type { AppErrorData } from '../../../../shared/errors';
import { useErrorText } from '../../hooks/useErrorText';
import type { CustomEndpointFormState } from './useCustomEndpointForm';

/** Test: a sample question, then the raw frames side by side with what was read from each. */
export function CustomTestPanel({ form }: { form: CustomEndpointFormState }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const { test } = form;
  return (
    <fieldset className="custom-endpoint__group">
      <legend>{t('customEndpoint.test')}</legend>
      <div className="custom-endpoint__bar">
        <label className="field custom-endpoint__grow">
          <span className="field__label">{t('customEndpoint.question')}</span>
          <input data-testid="custom-question" value={form.question} onChange={(e) => form.setQuestion(e.target.value)} />
        </label>
        <button type="button" className="button" data-testid="custom-test" disabled={test.status === 'testing'} onClick={() => void form.runTest()}>
          {test.status === 'testing' ? t('customEndpoint.testing') : t('customEndpoint.runTest')}
        </button>
      </div>
      {test.status === 'error' && (
        <p className="form-error" role="alert" data-testid="custom-test-error" title={test.error.detail}>
          {errorText(test.error)}
        </p>
      )}
      {test.status === 'done' && <FramePreview result={test.result} />}
    </fieldset>
  );
}

function FramePreview({ result }: { result: CustomTestResult }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (
    <div className="custom-preview" data-testid="custom-preview">
      <p className={result.error ? 'form-error' : 'custom-preview__ok'} role="status" data-testid="custom-test-summary">
        {result.error ? errorText(asErrorData(result.error)) : t('customEndpoint.testOk', { frames: result.frames.length, status: result.status })}
      </p>
      <div className="custom-preview__table" role="table" aria-label={t('customEndpoint.frames')}>
        <div className="custom-preview__row custom-preview__head" role="row">
          <span role="columnheader">#</span>
          <span role="columnheader">{t('customEndpoint.rawFrame')}</span>
          <span role="columnheader">{t('customEndpoint.extracted')}</span>
        </div>
        {result.frames.map((f) => (
          <div key={f.index} className={`custom-preview__row${f.error ? ' is-error' : ''}`} role="row" data-testid="custom-frame">
            <span role="cell">{f.index}</span>
            <code role="cell" className="custom-preview__raw">
              {f.event ? `event: ${f.event}\n` : ''}
              {f.raw}
            </code>
            <span role="cell" className="custom-preview__text" data-testid="custom-frame-text">
              {f.error ? errorText(asErrorData(f.error)) : f.end ? `${f.text}⏹ ${t('customEndpoint.endSeen')}` : f.text === '' ? '—' : f.text}
            </span>
          </div>
        ))}
      </div>
      {result.truncated && <p className="field__hint">{t('customEndpoint.truncated')}</p>}
      <div className="custom-preview__answer">
        <span className="field__label">{t('customEndpoint.answer')}</span>
        <p data-testid="custom-test-text">{result.text}</p>
      </div>
    </div>
  );
}

/** A Test failure as the error the sentence table translates (its code only picks the fallback sentence). */
function asErrorData(error: CustomTestError): AppErrorData {
  return { code: 'provider', retryable: false, messageKey: error.messageKey, ...(error.params ? { params: error.params } : {}), ...(error.detail ? { detail: error.detail } : {}) };
}
