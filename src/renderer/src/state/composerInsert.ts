/**
 * "Quote" from a message puts text into the main composer, which keeps its text outside React
 * (an uncontrolled textarea). The composer registers how to insert; actions call `quoteIntoComposer`.
 */
type Inserter = (text: string) => void;

let inserter: Inserter | null = null;

export function registerComposerInsert(insert: Inserter): () => void {
  inserter = insert;
  return () => {
    if (inserter === insert) inserter = null;
  };
}

/** `> ` before every line, then an empty line for the reply. */
export function asQuote(text: string): string {
  return `${text.trim().split('\n').map((line) => (line === '' ? '>' : `> ${line}`)).join('\n')}\n\n`;
}

export function quoteIntoComposer(text: string): void {
  inserter?.(asQuote(text));
}
