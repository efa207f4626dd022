import { createContext } from 'react';

/**
 * Whether a long finished answer mounting now should be drawn from its end: true when the reader
 * meets it from below (scrolling back up, or a conversation opened at its end), so the part in
 * view comes first and the parts above it are added out of sight. Read once, as the answer mounts.
 */
export const FillFromEnd = createContext<() => boolean>(() => false);
