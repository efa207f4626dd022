/** The files a drop or a paste carries (folders and plain text are not files here). */
export function filesFromTransfer(transfer: DataTransfer | null): File[] {
  if (!transfer) return [];
  const files: File[] = [];
  for (const item of Array.from(transfer.items)) {
    if (item.kind !== 'file') continue;
    const file = item.getAsFile();
    if (file) files.push(file);
  }
  // Some sources fill `files` but not `items`.
  return files.length > 0 ? files : Array.from(transfer.files);
}

/** A drag that carries files (checked while dragging, when the files themselves cannot be read yet). */
export function dragHasFiles(transfer: DataTransfer | null): boolean {
  return transfer !== null && Array.from(transfer.types).includes('Files');
}
