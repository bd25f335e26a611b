import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Form, Input, Modal, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../../i18n/useT.ts';
import { useRoutingMutations } from '../../hooks/useRouting.ts';
import { type Category, type CategoryField, DOMAIN_KEYS } from '../../types.ts';
import { labelOf } from '../labels.ts';

const FIELD_TYPES: CategoryField['type'][] = ['text', 'plateNo', 'shipName', 'busLine', 'number', 'choice'];

interface Values {
  code: string;
  domain: string;
  name: string;
  validFrom: Dayjs;
  fields: (Omit<CategoryField, 'choices'> & { choices?: string[] })[];
}

/** A new version of a code (or a new code): the current version ends the day the new one starts. */
export function CategoryVersionModal({
  category,
  onClose,
}: {
  category: Category | 'new' | null;
  onClose: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const { publishCategory } = useRoutingMutations();
  const base = category && category !== 'new' ? category : null;
  return (
    <Modal
      open={category !== null}
      width={760}
      title={base ? t('hla.cat.new-version-of', { code: base.code }) : t('hla.cat.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={publishCategory.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          code: base?.code,
          domain: base?.domain ?? 'other',
          name: base?.name,
          validFrom: dayjs().add(1, 'day'),
          fields: base?.fields ?? [],
        }}
        onFinish={(v) =>
          publishCategory.mutate(
            {
              code: v.code,
              domain: v.domain,
              name: v.name,
              validFrom: v.validFrom.format('YYYY-MM-DD'),
              fields: (v.fields ?? []).map((f) => ({
                key: f.key,
                label: f.label,
                type: f.type,
                required: Boolean(f.required),
                ...(f.type === 'choice' && { choices: f.choices ?? [] }),
              })),
            },
            { onSuccess: onClose },
          )
        }
      >
        <Space wrap>
          <Form.Item
            name="code"
            label={t('hla.cat.code')}
            rules={[{ required: true, pattern: /^[0-9A-Z]{2,12}$/ }]}
          >
            <Input disabled={Boolean(base)} style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="name" label={t('hla.cat.name')} rules={[{ required: true, max: 60 }]}>
            <Input style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="domain" label={t('hla.kb.field.domain')} rules={[{ required: true }]}>
            <Select
              style={{ width: 140 }}
              options={DOMAIN_KEYS.map((d) => ({ value: d, label: labelOf(t, 'domain', d) }))}
            />
          </Form.Item>
          <Form.Item name="validFrom" label={t('hla.cat.valid-from')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
        </Space>
        <Form.List name="fields">
          {(items, { add, remove }) => (
            <>
              {items.map(({ key, name }) => (
                <Space key={key} align="baseline" wrap>
                  <Form.Item
                    name={[name, 'key']}
                    rules={[{ required: true, pattern: /^[a-zA-Z][a-zA-Z0-9]{0,30}$/ }]}
                  >
                    <Input placeholder={t('hla.cat.field-key')} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[name, 'label']} rules={[{ required: true, max: 40 }]}>
                    <Input placeholder={t('hla.cat.field-label')} style={{ width: 140 }} />
                  </Form.Item>
                  <Form.Item name={[name, 'type']} rules={[{ required: true }]}>
                    <Select
                      style={{ width: 120 }}
                      options={FIELD_TYPES.map((ft) => ({ value: ft, label: t(`hla.field-type.${ft}`) }))}
                    />
                  </Form.Item>
                  <Form.Item name={[name, 'choices']}>
                    <Select mode="tags" placeholder={t('hla.cat.field-choices')} style={{ width: 160 }} />
                  </Form.Item>
                  <Form.Item name={[name, 'required']} valuePropName="checked">
                    <Checkbox>{t('hla.cat.required')}</Checkbox>
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(name)} />
                </Space>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add({ type: 'text', required: false })}
              >
                {t('hla.cat.add-field')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
