import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelCapabilities, ProviderModel } from '../../../../shared/domain';
import { effectiveCapabilities, knownCapabilities } from '../../../../shared/modelCatalog';
import { CapabilityBadges } from './CapabilityBadges';
import { addModel, defaultAmong, modelRows, setCapability, toggleModel, type ModelRow } from './modelListOps';

interface Props {
  /** The ticked models (saved with the provider). */
  models: readonly ProviderModel[];
  defaultModel: string;
  /** Fetched by Test connection, else the preset's known models. */
  offered: readonly string[];
  /** A model name that fits this provider, for the add field's placeholder; '' for none. */
  example: string;
  invalid: boolean;
  onChange: (models: ProviderModel[], defaultModel: string) => void;
}

/** The provider's models: search, tick for the picker, pick the default, add by hand, edit capabilities. */
export function ModelManager({ models, defaultModel, offered, example, invalid, onChange }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  const [typed, setTyped] = useState('');
  const [editing, setEditing] = useState<string | null>(null);
  const rows = modelRows(models, offered, query);
  const change = (next: ProviderModel[], chosen = defaultModel) => onChange(next, defaultAmong(next, chosen));
  const add = () => {
    if (typed.trim() === '') return;
    change(addModel(models, typed), defaultModel || typed.trim());
    setTyped('');
  };

  return (
    <fieldset className="model-manager" data-testid="model-manager" aria-invalid={invalid}>
      <legend className="field__label">{t('models.title')}</legend>
      <p className="field__hint">{t('models.hint')}</p>
      {models.length + offered.length > 8 && (
        <input
          type="search"
          className="model-manager__search"
          data-testid="model-search"
          aria-label={t('models.search')}
          placeholder={t('models.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      )}
      {rows.length === 0 ? (
        <p className="settings-section__empty">{query ? t('models.searchEmpty', { query }) : t('models.empty')}</p>
      ) : (
        <ul className="model-list" aria-label={t('models.title')}>
          {rows.map((row) => (
            <ModelRowItem
              key={row.id}
              row={row}
              group={`${id}-default`}
              isDefault={row.id === defaultModel}
              editing={editing === row.id}
              onTick={(on) => change(toggleModel(models, row.id, on))}
              onDefault={() => change([...models], row.id)}
              onEdit={() => setEditing(editing === row.id ? null : row.id)}
              onCapability={(key, value) => change(setCapability(models, row.id, knownCapabilities(row.id), key, value))}
            />
          ))}
        </ul>
      )}
      <div className="model-manager__add">
        <input
          data-testid="model-add-input"
          aria-label={t('models.addLabel')}
          spellCheck={false}
          value={typed}
          placeholder={example ? t('models.addPlaceholder', { example }) : t('models.addPlaceholderAny')}
          onChange={(e) => setTyped(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            e.preventDefault();
            add();
          }}
        />
        <button type="button" className="button" data-testid="model-add" disabled={typed.trim() === ''} onClick={add}>
          {t('models.add')}
        </button>
      </div>
      {invalid && (
        <span className="field__error" data-testid="models-invalid">
          {t('models.noneToSave')}
        </span>
      )}
    </fieldset>
  );
}

interface RowProps {
  row: ModelRow;
  group: string;
  isDefault: boolean;
  editing: boolean;
  onTick: (on: boolean) => void;
  onDefault: () => void;
  onEdit: () => void;
  onCapability: <K extends keyof ModelCapabilities>(key: K, value: ModelCapabilities[K]) => void;
}

function ModelRowItem({ row, group, isDefault, editing, onTick, onDefault, onEdit, onCapability }: RowProps) {
  const { t } = useTranslation();
  const caps = effectiveCapabilities(row.entry);
  return (
    <li className={`model-row${row.ticked ? ' is-ticked' : ''}`} data-testid="model-row" data-model={row.id}>
      <div className="model-row__main">
        <label className="model-row__tick">
          <input
            type="checkbox"
            data-testid="model-tick"
            checked={row.ticked}
            aria-label={t('models.show', { model: row.id })}
            onChange={(e) => onTick(e.target.checked)}
          />
          <span className="model-row__name">{row.id}</span>
        </label>
        <CapabilityBadges capabilities={caps} />
        {row.ticked && (
          <label className="model-row__default" title={t('models.makeDefault', { model: row.id })}>
            <input type="radio" name={group} data-testid="model-default" checked={isDefault} onChange={onDefault} />
            <span>{t('models.default')}</span>
          </label>
        )}
        {row.ticked && (
          <button type="button" className="link-button" data-testid="model-edit" aria-expanded={editing} onClick={onEdit}>
            {t('models.edit')}
          </button>
        )}
      </div>
      {row.ticked && editing && <CapabilityEditor model={row.id} caps={caps} onCapability={onCapability} />}
    </li>
  );
}

function CapabilityEditor({ model, caps, onCapability }: { model: string; caps: ModelCapabilities; onCapability: RowProps['onCapability'] }) {
  const { t } = useTranslation();
  return (
    <div className="model-row__editor" role="group" aria-label={t('models.editTitle', { model })} data-testid="model-editor">
      {(['vision', 'tools', 'reasoning'] as const).map((key) => (
        <label key={key} className="model-row__cap">
          <input type="checkbox" data-testid={`model-cap-${key}`} checked={caps[key]} onChange={(e) => onCapability(key, e.target.checked)} />
          {t(`models.${key}`)}
        </label>
      ))}
      <label className="model-row__cap">
        {t('models.contextWindow')}
        <input
          type="number"
          data-testid="model-cap-context"
          min={512}
          step={1024}
          value={caps.contextWindow ?? ''}
          onChange={(e) => {
            const n = Number(e.target.value);
            onCapability('contextWindow', e.target.value === '' || !Number.isInteger(n) || n < 512 ? null : n);
          }}
        />
      </label>
    </div>
  );
}
