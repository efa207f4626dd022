import { fileIconKind, fileIconLabel } from '../../state/attachments/fileKinds';

/** A file's type at a glance: a coloured tile with its extension (PDF, DOCX, TS…). */
export function FileIcon({ name, mime }: { name: string; mime: string }) {
  const label = fileIconLabel(name);
  return (
    <span className={`file-icon file-icon--${fileIconKind(name, mime)}`} aria-hidden="true">
      {label === '' ? '·' : label}
    </span>
  );
}
