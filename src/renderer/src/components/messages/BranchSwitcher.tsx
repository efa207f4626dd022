import { memo } from 'react';
import type { BranchInfo } from '../../../../shared/domain';
import { useRowText } from './rowText';

interface Props {
  branch: BranchInfo;
  disabled: boolean;
  onSwitch: (messageId: string) => void;
}

/** ‹ 2/3 › between the alternatives of one message (edited questions, regenerated answers). */
export const BranchSwitcher = memo(function BranchSwitcher({ branch, disabled, onSwitch }: Props) {
  const { t } = useRowText();
  return (
    <span className="branch-switcher" data-testid="branch-switcher" role="group" aria-label={t('branch.label')}>
      <button
        type="button"
        className="branch-switcher__button"
        data-testid="branch-prev"
        aria-label={t('branch.previous')}
        title={t('branch.previous')}
        disabled={disabled || branch.prevId === null}
        onClick={() => branch.prevId && onSwitch(branch.prevId)}
      >
        ‹
      </button>
      <span className="branch-switcher__count" data-testid="branch-position">
        {t('branch.position', { index: branch.index + 1, count: branch.count })}
      </span>
      <button
        type="button"
        className="branch-switcher__button"
        data-testid="branch-next"
        aria-label={t('branch.next')}
        title={t('branch.next')}
        disabled={disabled || branch.nextId === null}
        onClick={() => branch.nextId && onSwitch(branch.nextId)}
      >
        ›
      </button>
    </span>
  );
});
