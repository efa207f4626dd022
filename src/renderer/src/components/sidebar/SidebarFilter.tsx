import { useTranslation } from 'react-i18next';

export type ConversationFilter = 'all' | 'quick' | 'archived';

const FILTERS: readonly ConversationFilter[] = ['all', 'quick', 'archived'];
const LABELS = { all: 'sidebar.filterAll', quick: 'sidebar.filterQuick', archived: 'sidebar.filterArchived' } as const;

/** All conversations, only the ones started in the quick-ask window, or the archived ones. */
export function SidebarFilter({ value, onChange }: { value: ConversationFilter; onChange: (next: ConversationFilter) => void }) {
  const { t } = useTranslation();
  return (
    <div className="sidebar__filter" role="group" aria-label={t('sidebar.filter')}>
      {FILTERS.map((f) => (
        <button
          key={f}
          type="button"
          className={f === value ? 'sidebar__filter-button is-active' : 'sidebar__filter-button'}
          data-testid={`sidebar-filter-${f}`}
          aria-pressed={f === value}
          onClick={() => onChange(f)}
        >
          {t(LABELS[f])}
        </button>
      ))}
    </div>
  );
}
