/**
 * Saves text as a file the way a web page does (there is no native dialog in browser mode,
 * and Electron turns the same click into its save dialog): a Blob URL on a link with
 * `download`, clicked, then revoked.
 */
export function downloadText(fileName: string, mimeType: string, parts: readonly string[]): void {
  const document = (globalThis as unknown as { document: PageDocument }).document;
  const blob = new Blob(parts as string[], { type: `${mimeType};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken the Blob by the next turn; revoking later is harmless.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** The little of the DOM this needs (state/ is also compiled for Node tests, without DOM types). */
interface PageDocument {
  createElement(tag: 'a'): {
    href: string;
    download: string;
    rel: string;
    style: { display: string };
    click(): void;
    remove(): void;
  };
  body: { append(node: unknown): void };
}
