import { useRef, useState, type DragEvent } from 'react';
import { dragHasFiles, filesFromTransfer } from '../state/attachments/transferFiles';

export interface FileDrop {
  /** Files are being dragged over the region: show the drop zone. */
  dragging: boolean;
  handlers: {
    onDragEnter(e: DragEvent<HTMLElement>): void;
    onDragOver(e: DragEvent<HTMLElement>): void;
    onDragLeave(e: DragEvent<HTMLElement>): void;
    onDrop(e: DragEvent<HTMLElement>): void;
  };
}

/**
 * Makes an element a place files can be dropped on (the conversation, the quick-ask window).
 * Only drags that carry files are taken; text and links dragged inside the page are left alone.
 */
export function useFileDrop(onFiles: (files: File[]) => void): FileDrop {
  const [dragging, setDragging] = useState(false);
  // dragenter/dragleave fire for every child crossed: count them to know when the drag really left.
  const depth = useRef(0);
  return {
    dragging,
    handlers: {
      onDragEnter: (e) => {
        if (!dragHasFiles(e.dataTransfer)) return;
        e.preventDefault();
        depth.current += 1;
        setDragging(true);
      },
      onDragOver: (e) => {
        if (!dragHasFiles(e.dataTransfer)) return;
        // Without this the browser would open the file in place of the app.
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      },
      onDragLeave: (e) => {
        if (!dragHasFiles(e.dataTransfer)) return;
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setDragging(false);
      },
      onDrop: (e) => {
        if (!dragHasFiles(e.dataTransfer)) return;
        e.preventDefault();
        depth.current = 0;
        setDragging(false);
        const files = filesFromTransfer(e.dataTransfer);
        if (files.length > 0) onFiles(files);
      },
    },
  };
}
