import { Alert, Button, Modal, Typography } from 'antd';
import { useT } from '../i18n/useT.ts';

export interface OneTimeSecretModalProps {
  /** null hides the modal; the secret is never kept anywhere else. */
  secret: string | null;
  title: string;
  warning: string;
  onClose: () => void;
  testId?: string;
}

/** Shows a password or token exactly once, with a copy button, until the user confirms. */
export function OneTimeSecretModal({ secret, title, warning, onClose, testId }: OneTimeSecretModalProps) {
  const t = useT();
  return (
    <Modal
      open={secret !== null}
      title={title}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose} data-testid={testId ? `${testId}-close` : undefined}>
          {t('common.secret-saved')}
        </Button>
      }
      mask={{ closable: false }}
      destroyOnHidden
    >
      <div data-testid={testId}>
        <Alert type="warning" showIcon title={warning} style={{ marginBottom: 16 }} />
        <Typography.Paragraph
          copyable={{ text: secret ?? '', tooltips: [t('common.copy'), t('common.copied')] }}
          code
          style={{ fontSize: 18, wordBreak: 'break-all' }}
          data-testid={testId ? `${testId}-value` : undefined}
        >
          {secret}
        </Typography.Paragraph>
      </div>
    </Modal>
  );
}
