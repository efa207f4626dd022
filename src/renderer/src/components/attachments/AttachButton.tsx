import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTACHMENT_ACCEPT } from '../../../../shared/attachments';

interface Props {
  onFiles(files: File[]): void;
  disabled?: boolean;
  testId: string;
}

/** The paperclip: opens the system file picker (several files at once). */
export function AttachButton({ onFiles, disabled, testId }: Props) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className="icon-button composer__attach"
        data-testid={testId}
        aria-label={t('attachments.attach')}
        title={t('attachments.attachTitle')}
        disabled={disabled}
        onClick={() => input.current?.click()}
      >
        <span className="icon-paperclip" aria-hidden="true" />
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept={ATTACHMENT_ACCEPT}
        hidden
        data-testid={`${testId}-input`}
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          // Cleared so choosing the same file again still fires `change`.
          e.currentTarget.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
    </>
  );
}
