import { PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { describeError } from '../../../api/error-message.ts';
import { useT } from '../../../i18n/useT.ts';
import * as hotline from '../api.ts';
import { useAttachmentLimits } from '../hooks.ts';
import type { PublicUpload } from '../types.ts';

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/**
 * Photos and documents for the public form: each file goes to the server as it is chosen
 * (checked there by content), and the form claims the uploads with their tokens. The limits
 * shown are the server's.
 */
export function PublicAttachments({
  value = [],
  onChange,
}: {
  value?: PublicUpload[];
  onChange?: (v: PublicUpload[]) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const limits = useAttachmentLimits().data;
  const [busy, setBusy] = useState(false);
  const extensions = [...new Set(limits?.types.flatMap((x) => x.extensions) ?? [])];
  const full = limits ? value.length >= limits.maxFiles : true;

  const add = async (file: File) => {
    if (!limits) return;
    if (file.size > limits.maxBytes) {
      void message.error(t('hotline.attach.too-large', { name: file.name, max: mb(limits.maxBytes) }));
      return;
    }
    setBusy(true);
    try {
      const up = await hotline.uploadPublicAttachment(file);
      onChange?.([...value, up]);
    } catch (e) {
      void message.error(`${file.name}: ${describeError(t, e)}`);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" size={4} style={{ width: '100%' }} data-testid="public-attachments">
      <Upload
        multiple={false}
        showUploadList={false}
        accept={extensions.map((e) => `.${e}`).join(',')}
        beforeUpload={(f) => {
          void add(f);
          return false;
        }}
        disabled={full || busy}
      >
        <Button icon={<PaperClipOutlined />} loading={busy} disabled={full} data-testid="public-attach">
          {t('hotline.attach.add')}
        </Button>
      </Upload>
      {limits && (
        <Typography.Text type="secondary" data-testid="public-attach-limits">
          {t('hotline.attach.limits', {
            files: limits.maxFiles,
            size: mb(limits.maxBytes),
            types: extensions.join(' / '),
          })}
        </Typography.Text>
      )}
      {value.map((f) => (
        <Space key={f.id} size={8} data-testid="public-attached">
          <PaperClipOutlined />
          <span>{f.filename}</span>
          <Typography.Text type="secondary">{Math.max(1, Math.round(f.size / 1024))} KB</Typography.Text>
          <Button size="small" type="link" onClick={() => onChange?.(value.filter((x) => x.id !== f.id))}>
            {t('hotline.attach.remove')}
          </Button>
        </Space>
      ))}
    </Space>
  );
}
