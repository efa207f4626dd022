import { useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelChoice } from '../../state/modelChoice';
import { ModelOptionRow } from './ModelOptionRow';
import {
  filterGroups,
  findChosen,
  flatten,
  groupStarts,
  isPickerKey,
  keepActive,
  moveActive,
  placePopover,
  type PickerGroup,
  type PickerOption,
  type PickerProvider,
  type PopoverPlace,
} from './pickerList';

interface Props {
  id: string;
  testId: string;
  anchor: RefObject<HTMLButtonElement | null>;
  groups: PickerGroup[];
  providers: readonly PickerProvider[];
  value: ModelChoice;
  initialQuery: string;
  onChoose: (choice: ModelChoice) => void;
  onClose: (refocus: boolean) => void;
}

const WANTED = { width: 360, maxHeight: 420 };

function usePlacement(anchor: RefObject<HTMLButtonElement | null>): PopoverPlace | null {
  const [place, setPlace] = useState<PopoverPlace | null>(null);
  useLayoutEffect(() => {
    const update = () => {
      const rect = anchor.current?.getBoundingClientRect();
      if (rect) setPlace(placePopover(rect, { width: window.innerWidth, height: window.innerHeight }, WANTED));
    };
    update();
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, [anchor]);
  return place;
}

/** The search field (the combobox) and the grouped listbox under it; focus stays in the field. */
export function ModelPopover({ id, testId, anchor, groups, providers, value, initialQuery, onChoose, onClose }: Props) {
  const { t } = useTranslation();
  const [query, setQuery] = useState(initialQuery);
  const shownGroups = useMemo(() => filterGroups(groups, query), [groups, query]);
  const options = useMemo(() => flatten(shownGroups), [shownGroups]);
  const [active, setActive] = useState(() => {
    const chosen = findChosen(options, value, providers);
    return chosen >= 0 ? chosen : options.length > 0 ? 0 : -1;
  });
  const root = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const place = usePlacement(anchor);
  const optionId = (index: number) => `${id}-option-${index}`;

  // A click anywhere else closes the list without taking the focus back.
  useEffect(() => {
    const onDown = (e: PointerEvent) => {
      const target = e.target;
      if (!(target instanceof Node)) return;
      if (root.current?.contains(target) || anchor.current?.contains(target)) return;
      onClose(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [anchor, onClose]);

  useEffect(() => {
    if (active >= 0) list.current?.querySelector(`#${CSS.escape(`${id}-option-${active}`)}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, id]);

  const search = (next: string) => {
    const before: PickerOption | undefined = options[active];
    setQuery(next);
    setActive(keepActive(before, flatten(filterGroups(groups, next))));
  };

  const choose = (option: PickerOption | undefined) => {
    if (option) onChoose({ providerId: option.providerId, model: option.model });
  };

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    // Keys that finish an IME composition (Chinese input) belong to the composition.
    if (e.nativeEvent.isComposing) return;
    if (isPickerKey(e.key) && !((e.key === 'Home' || e.key === 'End') && e.shiftKey)) {
      e.preventDefault();
      setActive(moveActive(options.length, active, e.key));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(options[active]);
    } else if (e.key === 'Escape') {
      // Escape belongs to the picker here: it must not also stop a streaming answer.
      e.preventDefault();
      e.stopPropagation();
      onClose(true);
    } else if (e.key === 'Tab') {
      e.preventDefault();
      onClose(true);
    }
  };

  // Placed in a layout effect before the first paint; until then it sits at the corner (still focusable).
  const style: CSSProperties = place ? { ...place } : { left: 0, top: 0 };
  const starts = groupStarts(shownGroups);
  return (
    <div ref={root} id={id} className="model-popover" role="dialog" aria-label={t('modelPicker.list')} data-testid={`${testId}-popover`} style={style}>
      <input
        className="model-popover__search"
        data-testid={`${testId}-search`}
        role="combobox"
        type="text"
        autoFocus
        autoComplete="off"
        spellCheck={false}
        aria-expanded="true"
        aria-autocomplete="list"
        aria-controls={`${id}-list`}
        aria-activedescendant={active >= 0 ? optionId(active) : undefined}
        aria-label={t('modelPicker.search')}
        placeholder={t('modelPicker.search')}
        value={query}
        onChange={(e) => search(e.target.value)}
        onKeyDown={onKey}
      />
      <div ref={list} id={`${id}-list`} className="model-popover__list" role="listbox" aria-label={t('modelPicker.list')}>
        {shownGroups.map((group, groupIndex) => (
          <div key={group.providerId ?? ''} role="group" aria-labelledby={group.providerId === null ? undefined : `${id}-group-${group.providerId}`}>
            {group.providerId !== null && (
              <div id={`${id}-group-${group.providerId}`} className="model-popover__group" role="presentation">
                {group.providerName}
              </div>
            )}
            {group.options.map((option, optionIndex) => {
              const at = starts[groupIndex]! + optionIndex;
              return (
                <ModelOptionRow
                  key={option.key}
                  id={optionId(at)}
                  option={option}
                  active={at === active}
                  selected={findChosen([option], value, providers) === 0}
                  onHover={() => setActive(at)}
                  onChoose={() => choose(option)}
                />
              );
            })}
          </div>
        ))}
        {options.length === 0 && (
          <p className="model-popover__empty" data-testid={`${testId}-empty`}>
            {groups.length === 0 ? t('modelPicker.noProviders') : t('modelPicker.noMatch', { query })}
          </p>
        )}
      </div>
      <p className="model-popover__hint" aria-hidden="true">
        {t('modelPicker.hint')}
      </p>
    </div>
  );
}
