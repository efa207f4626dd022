import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assistant } from '../../../../shared/domain';
import { useAppState, useController } from '../../state/context';
import { AssistantForm } from './AssistantForm';

/** Saved prompts: a name, a system prompt and default parameters, picked when a chat starts. */
export function AssistantsSection() {
  const { t } = useTranslation();
  const controller = useController();
  const assistants = useAppState((s) => s.assistants);
  /** null: no form; 'new': adding; otherwise the one being edited. */
  const [editing, setEditing] = useState<Assistant | 'new' | null>(null);

  return (
    <section className="settings-section" aria-labelledby="settings-assistants" data-testid="assistants-section">
      <div className="settings-section__head">
        <h3 id="settings-assistants">{t('assistants.title')}</h3>
        {editing === null && (
          <button type="button" className="button button--small" data-testid="assistant-add" onClick={() => setEditing('new')}>
            {t('assistants.add')}
          </button>
        )}
      </div>
      <p className="field__hint">{t('assistants.hint')}</p>
      {editing !== null && (
        <AssistantForm
          key={editing === 'new' ? 'new' : editing.id}
          assistant={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSave={async (draft) => {
            await controller.assistants.save(editing === 'new' ? undefined : editing.id, draft);
            setEditing(null);
          }}
        />
      )}
      {assistants.length === 0 && editing === null ? (
        <p className="settings-section__empty">{t('assistants.empty')}</p>
      ) : (
        <ul className="assistant-list">
          {assistants.map((a) => (
            <li key={a.id} className="assistant-list__item" data-testid="assistant-item">
              <span className="assistant-list__name">{a.name}</span>
              <span className="assistant-list__prompt">{a.params.systemPrompt ?? ''}</span>
              <button type="button" className="button button--small" onClick={() => setEditing(a)}>
                {t('common.edit')}
              </button>
              <button type="button" className="button button--small" onClick={() => void controller.assistants.remove(a.id)}>
                {t('common.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
