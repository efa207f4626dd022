/** Unsent text per conversation, kept outside React so switching never re-renders on it. */
class Drafts {
  private readonly texts = new Map<string, string>();

  set(key: string, text: string): void {
    if (text === '') this.texts.delete(key);
    else this.texts.set(key, text);
  }

  /** The saved text (or ''), forgotten here because the textarea holds it again. */
  take(key: string): string {
    const text = this.texts.get(key) ?? '';
    this.texts.delete(key);
    return text;
  }
}

export const drafts = new Drafts();
