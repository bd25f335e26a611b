import { Form, Input, Radio, Select } from 'antd';
import { useMemo } from 'react';
import { useT } from '../../../i18n/useT.ts';
import { useCategories } from '../hooks.ts';
import { type Category, type CategoryField, REQUEST_TYPES } from '../types.ts';

/** Categories grouped by business domain, in code order. */
export function useDomains() {
  const categories = useCategories();
  return useMemo(() => {
    const domains = new Map<string, { key: string; name: string; items: Category[] }>();
    for (const c of categories.data?.items ?? []) {
      const d = domains.get(c.domain) ?? { key: c.domain, name: c.domainName, items: [] };
      d.items.push(c);
      domains.set(c.domain, d);
    }
    return {
      domains: [...domains.values()],
      all: categories.data?.items ?? [],
      loading: categories.isLoading,
    };
  }, [categories.data, categories.isLoading]);
}

interface FieldInputProps {
  field: CategoryField;
  /** Given by the Form.Item around it. */
  value?: string;
  onChange?: (value: unknown) => void;
}

function FieldInput({ field, value, onChange }: FieldInputProps) {
  const t = useT();
  const testId = `field-${field.key}`;
  if (field.type === 'choice')
    return (
      <Select
        value={value}
        onChange={onChange}
        options={(field.choices ?? []).map((c) => ({ value: c, label: c }))}
        data-testid={testId}
      />
    );
  const placeholder =
    field.type === 'plateNo'
      ? t('hotline.field.plate-placeholder')
      : field.type === 'busLine'
        ? t('hotline.field.line-placeholder')
        : undefined;
  return (
    <Input value={value} onChange={onChange} maxLength={100} placeholder={placeholder} data-testid={testId} />
  );
}

/**
 * The fast picker: type × domain × category as one-click buttons, then the category's own fields
 * (plate number, bus line, ship name …). Lives inside a Form with requestType, domain,
 * categoryCode and fields.* items.
 */
export function CategoryPicker({ withType = true }: { withType?: boolean }) {
  const t = useT();
  const form = Form.useFormInstance();
  const { domains, all } = useDomains();
  const domain = Form.useWatch('domain', form) as string | undefined;
  const code = Form.useWatch('categoryCode', form) as string | undefined;
  const category = all.find((c) => c.code === code);
  const inDomain = domains.find((d) => d.key === domain)?.items ?? [];

  return (
    <>
      {withType && (
        <Form.Item name="requestType" label={t('hotline.field.type')} rules={[{ required: true }]}>
          <Radio.Group optionType="button" buttonStyle="solid" data-testid="pick-type">
            {REQUEST_TYPES.map((v) => (
              <Radio.Button key={v} value={v} data-testid={`pick-type-${v}`}>
                {t(`hotline.type.${v}`)}
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
      )}
      <Form.Item name="domain" label={t('hotline.field.domain')} rules={[{ required: true }]}>
        <Radio.Group
          optionType="button"
          size="small"
          onChange={() => form.setFieldsValue({ categoryCode: undefined, fields: {} })}
          data-testid="pick-domain"
        >
          {domains.map((d) => (
            <Radio.Button key={d.key} value={d.key} data-testid={`pick-domain-${d.key}`}>
              {d.name}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item
        name="categoryCode"
        label={t('hotline.field.category')}
        rules={[{ required: true, message: t('hotline.field.category-required') }]}
      >
        <Radio.Group
          optionType="button"
          size="small"
          onChange={() => form.setFieldValue('fields', {})}
          data-testid="pick-category"
        >
          {inDomain.map((c) => (
            <Radio.Button key={c.code} value={c.code} data-testid={`pick-category-${c.code}`}>
              {c.name}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      {category?.fields.map((f) => (
        <Form.Item
          key={`${category.code}-${f.key}`}
          name={['fields', f.key]}
          label={f.label}
          rules={[{ required: f.required, whitespace: true }]}
        >
          <FieldInput field={f} />
        </Form.Item>
      ))}
    </>
  );
}
