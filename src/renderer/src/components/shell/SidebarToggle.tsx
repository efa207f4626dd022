import { useTranslation } from 'react-i18next';
import { toggleSidebar, useSidebarCollapsed } from '../../state/layout';

/**
 * Folds the conversation list away and brings it back (remembered). The header's copy shows only
 * while the list is folded; the sidebar's own copy folds it.
 */
export function SidebarToggle({ placement }: { placement: 'header' | 'sidebar' }) {
  const { t } = useTranslation();
  const collapsed = useSidebarCollapsed();
  if (placement === 'header' && !collapsed) return null;
  const label = collapsed ? t('shell.showSidebar') : t('shell.hideSidebar');
  return (
    <button
      type="button"
      className={`icon-button sidebar-toggle sidebar-toggle--${placement}`}
      data-testid={`sidebar-toggle-${placement}`}
      aria-label={label}
      title={label}
      aria-expanded={!collapsed}
      onClick={toggleSidebar}
    >
      <span className="icon-sidebar" aria-hidden="true" />
    </button>
  );
}
