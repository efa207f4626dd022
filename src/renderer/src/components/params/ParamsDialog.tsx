import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversation, ProviderKind } from '../../../../shared/domain';
import type { AppErrorData } from '../../../../shared/errors';
import type { ReasoningControl } from '../../../../shared/modelCatalog';
import { formatRange, PARAMETER_RANGES, PARAMETER_WIRE_NAMES, type ParameterName } from '../../../../shared/providerCatalog';
import { useErrorText } from '../../hooks/useErrorText';
import { useController } from '../../state/context';
import { toErrorData } from '../../state/errors';
import { fieldsFor, parseParamsForm, toFormValues, type ParamsFormValues } from '../../state/paramsForm';
import { applyReasoningForm, reasoningFormValue } from '../../state/reasoningForm';
import { Modal } from '../Modal';
import { ReasoningField } from './ReasoningField';

interface Props {
  conversation: Conversation;
  /** The kind of the provider the next answer will use; its ranges apply. */
  kind: ProviderKind;
  providerName: string;
  /** The model the next answer uses; its name is shown by the reasoning field. */
  model: string;
  /** How that model's reasoning is controlled; null hides the reasoning field. */
  reasoning: ReasoningControl | null;
  onClose: () => void;
}

/** System prompt and sampling parameters of one conversation, checked against its provider's ranges. */
export function ParamsDialog({ conversation, kind, providerName, model, reasoning, onClose }: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const controller = useController();
  const titleId = useId();
  const [values, setValues] = useState<ParamsFormValues>(() => toFormValues(conversation.params));
  const [showInvalid, setShowInvalid] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<AppErrorData | null>(null);
  const [reasoningText, setReasoningText] = useState(() => reasoningFormValue(reasoning, conversation.params));
  const { params, invalid } = parseParamsForm(kind, values, conversation.params);
  const reasoningValid = applyReasoningForm(reasoning, reasoningText, conversation.params, params);

  const save = async () => {
    if (invalid.length > 0 || !reasoningValid) {
      setShowInvalid(true);
      return;
    }
    setSaving(true);
    try {
      await controller.setParams(conversation.id, params);
      onClose();
    } catch (err) {
      setError(toErrorData(err));
      setSaving(false);
    }
  };

  const set = (name: keyof ParamsFormValues, value: string) => setValues((v) => ({ ...v, [name]: value }));

  return (
    <Modal labelledBy={titleId} onClose={onClose} className="params-dialog" testId="params-dialog">
      <form
        className="params-dialog__form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <h2 id={titleId} className="modal__title">
          {t('params.title')}
        </h2>
        <p className="field__hint">{t('params.intro', { provider: providerName })}</p>
        <label className="field">
          <span className="field__label">{t('params.systemPrompt')}</span>
          <textarea
            data-testid="params-system-prompt"
            data-autofocus
            rows={5}
            value={values.systemPrompt}
            placeholder={t('params.systemPromptPlaceholder')}
            onChange={(e) => set('systemPrompt', e.target.value)}
          />
        </label>
        <div className="params-dialog__grid">
          {fieldsFor(kind).map((name) => (
            <NumberField
              key={name}
              name={name}
              kind={kind}
              value={values[name]}
              invalid={showInvalid && invalid.includes(name)}
              onChange={(value) => set(name, value)}
            />
          ))}
          {reasoning && (
            <ReasoningField
              control={reasoning}
              model={model}
              value={reasoningText}
              invalid={showInvalid && !reasoningValid}
              onChange={setReasoningText}
            />
          )}
        </div>
        {error && (
          <p className="form-error" role="alert" data-testid="params-error">
            {errorText(error)}
          </p>
        )}
        <ParamsActions saving={saving} onReset={() => {
            setValues(toFormValues({}));
            setReasoningText('');
          }} onCancel={onClose} />
      </form>
    </Modal>
  );
}

function NumberField(props: {
  name: ParameterName;
  kind: ProviderKind;
  value: string;
  invalid: boolean;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const hintId = useId();
  const range = PARAMETER_RANGES[props.kind][props.name]!;
  const hint =
    range.default === undefined
      ? t('params.range', { range: formatRange(range) })
      : t('params.rangeDefault', { range: formatRange(range), value: range.default });
  return (
    <label className="field">
      <span className="field__label">
        {t(`params.${props.name}`)} <code className="params-dialog__wire">{PARAMETER_WIRE_NAMES[props.name]}</code>
      </span>
      <input
        data-testid={`params-${props.name}`}
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        placeholder={t('params.default')}
        value={props.value}
        aria-invalid={props.invalid}
        aria-describedby={hintId}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <span id={hintId} className={props.invalid ? 'field__error' : 'field__hint'}>
        {props.invalid ? t('params.invalid', { range: formatRange(range) }) : hint}
      </span>
    </label>
  );
}

/** Reset to the provider's defaults, Cancel, Save. */
function ParamsActions({ saving, onReset, onCancel }: { saving: boolean; onReset(): void; onCancel(): void }) {
  const { t } = useTranslation();
  return (
    <div className="modal__actions">
      <button
        type="button"
        className="button params-dialog__reset"
        data-testid="params-reset"
        onClick={onReset}
      >
        {t('params.reset')}
      </button>
      <button type="button" className="button" data-testid="params-cancel" onClick={onCancel}>
        {t('common.cancel')}
      </button>
      <button type="submit" className="button button--primary" data-testid="params-save" disabled={saving}>
        {t('common.save')}
      </button>
    </div>
  );
}
