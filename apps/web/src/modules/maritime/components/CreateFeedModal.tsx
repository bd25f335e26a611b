import { Form, Input, Modal, Select, Switch } from 'antd';
import { useT } from '../../../i18n/useT.ts';
import { useCreateFeed } from '../hooks/useFeeds.ts';
import type { CreateFeedRequest, FeedKind } from '../types/feeds.ts';

const KINDS: FeedKind[] = ['tcp-client', 'tcp-server', 'udp', 'file'];

export function CreateFeedModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<CreateFeedRequest>();
  const create = useCreateFeed();
  const kind = Form.useWatch('kind', form);
  return (
    <Modal
      open={open}
      title={t('feed.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form<CreateFeedRequest>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ kind: 'tcp-client', enabled: true }}
        onFinish={(v) => create.mutate(v, { onSuccess: onClose })}
      >
        <Form.Item name="name" label={t('feed.field.name')} rules={[{ required: true, max: 64 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('feed.field.kind')} rules={[{ required: true }]}>
          <Select options={KINDS.map((k) => ({ value: k, label: t(`feed.kind.${k}`) }))} />
        </Form.Item>
        <Form.Item
          name="address"
          label={t('feed.field.address')}
          extra={t('feed.field.address-hint')}
          rules={[{ required: true, max: 256 }]}
        >
          <Input />
        </Form.Item>
        {kind === 'file' && (
          <Form.Item name="replay" label={t('feed.field.replay')}>
            <Select
              allowClear
              options={[
                { value: 'fast', label: t('feed.replay.fast') },
                { value: 'realtime', label: t('feed.replay.realtime') },
              ]}
            />
          </Form.Item>
        )}
        <Form.Item name="enabled" label={t('feed.field.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
