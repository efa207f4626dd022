import { useCallback, useEffect, useRef, type RefObject } from 'react';

/** Beyond this many characters the text surely fills the cap; skip measuring a huge paste. */
const MEASURE_LIMIT = 5000;

/**
 * Grows a textarea with its content up to `maxPx`, measuring at most once per frame so a
 * fast typist or a megabyte paste never triggers a layout per keystroke.
 */
export function useAutoGrow(ref: RefObject<HTMLTextAreaElement | null>, maxPx: number): () => void {
  const frame = useRef(0);

  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  return useCallback(() => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      const el = ref.current;
      if (!el) return;
      if (el.value.length > MEASURE_LIMIT) {
        el.style.height = `${maxPx}px`;
        el.style.overflowY = 'auto';
        return;
      }
      el.style.height = 'auto';
      const needed = el.scrollHeight;
      el.style.height = `${Math.min(needed, maxPx)}px`;
      el.style.overflowY = needed > maxPx ? 'auto' : 'hidden';
    });
  }, [ref, maxPx]);
}
