import type { ThemeSetting } from '../../shared/domain';

const darkQuery = window.matchMedia('(prefers-color-scheme: dark)');

/**
 * Always resolves to a concrete `data-theme`, so the stylesheet has one dark palette, and
 * "system" keeps following the OS while the app is open.
 */
export function applyTheme(setting: ThemeSetting): void {
  document.documentElement.dataset.theme = setting === 'system' ? (darkQuery.matches ? 'dark' : 'light') : setting;
}

export function followSystemTheme(): () => void {
  const onChange = () => applyTheme('system');
  darkQuery.addEventListener('change', onChange);
  return () => darkQuery.removeEventListener('change', onChange);
}
