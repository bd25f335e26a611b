import { DatePicker, Form, Input, Modal, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { useT } from '../../../../i18n/useT.ts';
import { useMe } from '../../../auth/hooks/useMe.ts';
import { useCreateKbArticle } from '../../hooks/useKb.ts';
import { DOMAIN_KEYS, type DomainKey, type KbArticle } from '../../types.ts';
import { labelOf } from '../labels.ts';

interface Values {
  key: string;
  title: string;
  body: string;
  domain: DomainKey;
  categoryCode?: string;
  tags?: string[];
  expiresOn?: Dayjs | null;
  reviewDueOn?: Dayjs | null;
  publish: boolean;
}

const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

/**
 * A new article at the caller's unit; given `base` (an article of a unit above), an override of
 * it: same key, its text to start from.
 */
export function KbArticleFormModal({
  open,
  onClose,
  base,
}: {
  open: boolean;
  onClose: () => void;
  base?: KbArticle;
}) {
  const t = useT();
  const me = useMe();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const create = useCreateKbArticle();
  return (
    <Modal
      open={open}
      width={720}
      title={base ? t('hla.kb.override.title', { org: me.orgName }) : t('hla.kb.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ 'data-testid': 'kb-form-submit' } as Record<`data-${string}`, string>}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          base
            ? {
                key: base.key,
                title: base.title,
                body: base.body,
                domain: base.domain as DomainKey,
                categoryCode: base.categoryCode ?? undefined,
                tags: base.tags,
                publish: false,
              }
            : { domain: 'urbanPassenger', publish: false }
        }
        onFinish={(v) =>
          create.mutate(
            {
              key: v.key,
              orgUnitId: me.orgUnitId,
              title: v.title,
              body: v.body,
              domain: v.domain,
              ...(v.categoryCode && { categoryCode: v.categoryCode }),
              ...(v.tags?.length && { tags: v.tags }),
              ...(v.expiresOn && { expiresOn: day(v.expiresOn) }),
              ...(v.reviewDueOn && { reviewDueOn: day(v.reviewDueOn) }),
              publish: v.publish,
            },
            {
              onSuccess: (a) => {
                onClose();
                navigate(`/hotline-admin/kb/${a.id}`);
              },
            },
          )
        }
      >
        <Form.Item
          name="key"
          label={t('hla.kb.field.key')}
          extra={t('hla.kb.field.key-hint')}
          rules={[
            { required: true, pattern: /^[a-z0-9][a-z0-9-]{1,63}$/, message: t('hla.kb.field.key-rule') },
          ]}
        >
          <Input disabled={Boolean(base)} data-testid="kb-form-key" />
        </Form.Item>
        <Form.Item name="title" label={t('hla.kb.field.title')} rules={[{ required: true, max: 200 }]}>
          <Input data-testid="kb-form-title" />
        </Form.Item>
        <Form.Item name="body" label={t('hla.kb.field.body')} rules={[{ required: true, max: 20_000 }]}>
          <Input.TextArea rows={8} data-testid="kb-form-body" />
        </Form.Item>
        <Form.Item name="domain" label={t('hla.kb.field.domain')} rules={[{ required: true }]}>
          <Select options={DOMAIN_KEYS.map((d) => ({ value: d, label: labelOf(t, 'domain', d) }))} />
        </Form.Item>
        <Form.Item
          name="categoryCode"
          label={t('hla.kb.field.category')}
          rules={[{ pattern: /^[0-9A-Z]{2,12}$/, message: t('hla.kb.field.category-rule') }]}
        >
          <Input style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="tags" label={t('hla.kb.field.tags')}>
          <Select mode="tags" tokenSeparators={[',', '，']} />
        </Form.Item>
        <Form.Item name="expiresOn" label={t('hla.kb.field.expires')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="reviewDueOn" label={t('hla.kb.field.review')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="publish" label={t('hla.kb.field.publish-now')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
