/** The few words an exported file contains, in the user's language (the core has no i18next). */
export interface ExportLabels {
  you: string;
  assistant: string;
  thinking: string;
  exported: string;
  untitled: string;
  /** Before the names of the files sent with a question. */
  attached: string;
}

const LABELS: Record<'en' | 'zh-CN', ExportLabels> = {
  en: { you: 'You', assistant: 'Assistant', thinking: 'Thinking', exported: 'Exported from Brook', untitled: 'Untitled conversation', attached: 'Attached' },
  'zh-CN': { you: '你', assistant: '助手', thinking: '思考过程', exported: '从 Brook 导出', untitled: '未命名对话', attached: '附件' },
};

export function exportLabels(language: string): ExportLabels {
  return language.toLowerCase().startsWith('zh') ? LABELS['zh-CN'] : LABELS.en;
}
