import { useTranslation } from 'react-i18next';
import { LocalDateInput } from '../LocalDateInput';

export interface Filters {
  order: 'newest' | 'ranked';
  role: '' | 'user' | 'assistant';
  model: string;
  /** yyyy-mm-dd from a date input, or '' for no bound. */
  from: string;
  to: string;
  includeReasoning: boolean;
}

interface Props {
  value: Filters;
  models: readonly string[];
  onChange: (next: Filters) => void;
}

export function SearchFilters({ value, models, onChange }: Props) {
  const { t } = useTranslation();
  const set = <K extends keyof Filters>(key: K, v: Filters[K]) => onChange({ ...value, [key]: v });
  return (
    <div className="search-filters" role="group" aria-label={t('search.filters')}>
      <select aria-label={t('search.order')} data-testid="search-order" value={value.order} onChange={(e) => set('order', e.target.value === 'ranked' ? 'ranked' : 'newest')}>
        <option value="newest">{t('search.newest')}</option>
        <option value="ranked">{t('search.ranked')}</option>
      </select>
      <select
        aria-label={t('search.role')}
        data-testid="search-role"
        value={value.role}
        onChange={(e) => set('role', e.target.value === 'user' || e.target.value === 'assistant' ? e.target.value : '')}
      >
        <option value="">{t('search.anyRole')}</option>
        <option value="user">{t('message.you')}</option>
        <option value="assistant">{t('message.assistant')}</option>
      </select>
      <select aria-label={t('search.model')} data-testid="search-model" value={value.model} onChange={(e) => set('model', e.target.value)}>
        <option value="">{t('search.anyModel')}</option>
        {models.map((m) => (
          <option key={m} value={m}>
            {m}
          </option>
        ))}
      </select>
      {/* Not <label>s: each holds a text field and a calendar button. */}
      <span className="search-filters__date">
        <span aria-hidden="true">{t('search.from')}</span>
        <LocalDateInput testId="search-from" label={t('search.from')} value={value.from} onChange={(iso) => set('from', iso)} />
      </span>
      <span className="search-filters__date">
        <span aria-hidden="true">{t('search.to')}</span>
        <LocalDateInput testId="search-to" label={t('search.to')} value={value.to} onChange={(iso) => set('to', iso)} />
      </span>
      <label className="search-filters__check">
        <input type="checkbox" checked={value.includeReasoning} onChange={(e) => set('includeReasoning', e.target.checked)} />
        <span>{t('search.includeReasoning')}</span>
      </label>
    </div>
  );
}
