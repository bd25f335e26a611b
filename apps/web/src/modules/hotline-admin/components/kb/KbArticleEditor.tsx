import { Button, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../../i18n/useT.ts';
import * as kb from '../../api/kb.ts';
import { useKbAction } from '../../hooks/useKb.ts';
import { DOMAIN_KEYS, type DomainKey, type KbArticle, type KbArticlePatch } from '../../types.ts';
import { labelOf } from '../labels.ts';

interface Values {
  title: string;
  body: string;
  domain: DomainKey;
  categoryCode?: string;
  tags: string[];
  expiresOn?: Dayjs | null;
  reviewDueOn?: Dayjs | null;
  changeNote?: string;
}

const toDay = (d: string | null) => (d ? dayjs(d) : null);
const fromDay = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : undefined);

/** Only what changed is sent: a changed title, body, domain, category or tags is a new version. */
function patchOf(a: KbArticle, v: Values): KbArticlePatch {
  const p: KbArticlePatch = {};
  if (v.title !== a.title) p.title = v.title;
  if (v.body !== a.body) p.body = v.body;
  if (v.domain !== a.domain) p.domain = v.domain;
  if ((v.categoryCode || null) !== a.categoryCode && v.categoryCode) p.categoryCode = v.categoryCode;
  if (JSON.stringify(v.tags ?? []) !== JSON.stringify(a.tags)) p.tags = v.tags ?? [];
  const expiresOn = fromDay(v.expiresOn);
  if (expiresOn && expiresOn !== a.expiresOn) p.expiresOn = expiresOn;
  const reviewDueOn = fromDay(v.reviewDueOn);
  if (reviewDueOn && reviewDueOn !== a.reviewDueOn) p.reviewDueOn = reviewDueOn;
  if (v.changeNote) p.changeNote = v.changeNote;
  return p;
}

export function KbArticleEditor({ article }: { article: KbArticle }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const save = useKbAction(article.id, (patch: KbArticlePatch) => kb.updateArticle(article.id, patch));
  const readOnly = !article.editable;
  return (
    <Form<Values>
      key={`${article.id}-${article.version}-${article.updatedAt}`}
      form={form}
      layout="vertical"
      disabled={readOnly}
      style={{ maxWidth: 880 }}
      initialValues={{
        title: article.title,
        body: article.body,
        domain: article.domain as DomainKey,
        categoryCode: article.categoryCode ?? undefined,
        tags: article.tags,
        expiresOn: toDay(article.expiresOn),
        reviewDueOn: toDay(article.reviewDueOn),
      }}
      onFinish={(v) =>
        save.mutate(patchOf(article, v), { onSuccess: () => form.resetFields(['changeNote']) })
      }
    >
      <Form.Item name="title" label={t('hla.kb.field.title')} rules={[{ required: true, max: 200 }]}>
        <Input data-testid="kb-edit-title" />
      </Form.Item>
      <Form.Item name="body" label={t('hla.kb.field.body')} rules={[{ required: true, max: 20_000 }]}>
        <Input.TextArea autoSize={{ minRows: 8, maxRows: 24 }} data-testid="kb-edit-body" />
      </Form.Item>
      <Form.Item style={{ marginBottom: 0 }}>
        <Form.Item
          name="domain"
          label={t('hla.kb.field.domain')}
          style={{ display: 'inline-block', width: 200, marginInlineEnd: 16 }}
        >
          <Select options={DOMAIN_KEYS.map((d) => ({ value: d, label: labelOf(t, 'domain', d) }))} />
        </Form.Item>
        <Form.Item
          name="categoryCode"
          label={t('hla.kb.field.category')}
          rules={[{ pattern: /^[0-9A-Z]{2,12}$/, message: t('hla.kb.field.category-rule') }]}
          style={{ display: 'inline-block', width: 160, marginInlineEnd: 16 }}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="expiresOn"
          label={t('hla.kb.field.expires')}
          style={{ display: 'inline-block', width: 180, marginInlineEnd: 16 }}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item
          name="reviewDueOn"
          label={t('hla.kb.field.review')}
          style={{ display: 'inline-block', width: 180 }}
        >
          <DatePicker />
        </Form.Item>
      </Form.Item>
      <Form.Item name="tags" label={t('hla.kb.field.tags')}>
        <Select mode="tags" tokenSeparators={[',', '，']} />
      </Form.Item>
      {!readOnly && (
        <>
          <Form.Item name="changeNote" label={t('hla.kb.field.change-note')} rules={[{ max: 500 }]}>
            <Input data-testid="kb-edit-note" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="kb-edit-save">
            {t('hla.kb.save')}
          </Button>
        </>
      )}
    </Form>
  );
}
