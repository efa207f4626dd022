import { Lexer, type Token, type Tokens } from 'marked';

/**
 * Markdown as the text a reader sees: no `**`, `##`, backticks or link targets; list items and
 * table rows on lines of their own (table cells apart by tabs, so a paste into a spreadsheet keeps
 * the columns). Used by "Copy as plain text" (renderer) and the search snippets (core), so it lives in shared.
 */
export function markdownToPlainText(markdown: string): string {
  return blocks(new Lexer().lex(markdown)).replace(/\n{3,}/g, '\n\n').trim();
}

function blocks(tokens: readonly Token[]): string {
  return tokens.map(block).join('');
}

function block(token: Token): string {
  switch (token.type) {
    case 'heading':
    case 'paragraph':
      return `${inline((token as Tokens.Heading | Tokens.Paragraph).tokens)}\n\n`;
    case 'code':
      return `${(token as Tokens.Code).text}\n\n`;
    case 'blockquote':
      return blocks((token as Tokens.Blockquote).tokens);
    case 'list':
      return `${(token as Tokens.List).items.map((item) => blocks(item.tokens).trim()).join('\n')}\n\n`;
    case 'table': {
      const table = token as Tokens.Table;
      const row = (cells: Tokens.TableCell[]) => cells.map((c) => inline(c.tokens)).join('\t');
      return `${[row(table.header), ...table.rows.map(row)].join('\n')}\n\n`;
    }
    case 'hr':
    case 'space':
    case 'html':
      return '\n';
    case 'text': {
      const text = token as Tokens.Text;
      return text.tokens ? inline(text.tokens) : text.text;
    }
    default:
      return 'text' in token && typeof token.text === 'string' ? token.text : '';
  }
}

function inline(tokens: readonly Token[] | undefined): string {
  if (!tokens) return '';
  return tokens
    .map((token) => {
      switch (token.type) {
        case 'br':
          return '\n';
        case 'image':
          return (token as Tokens.Image).text;
        case 'html':
          return '';
        case 'codespan':
        case 'escape':
          return decodeEntities((token as Tokens.Codespan).text);
        default:
          if ('tokens' in token && Array.isArray(token.tokens)) return inline(token.tokens as Token[]);
          return 'text' in token && typeof token.text === 'string' ? decodeEntities(token.text) : '';
      }
    })
    .join('');
}

/** The lexer keeps `&amp;` and friends as typed; a reader sees the character. */
function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name] ?? _);
}
