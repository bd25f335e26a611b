import { AimOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Result, Select, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { describeError } from '../../../api/error-message.ts';
import { useT } from '../../../i18n/useT.ts';
import { useDebouncedValue } from '../../../ui/useDebouncedValue.ts';
import * as hotline from '../api.ts';
import { usePublicRegions } from '../hooks.ts';
import type { PublicUpload, RequestType } from '../types.ts';
import { CategoryPicker } from './CategoryPicker.tsx';
import { cleanFields } from './category-fields.ts';
import { LocationMap } from './LocationMap.tsx';
import { PublicAttachments } from './PublicAttachments.tsx';

interface PublicValues {
  requestType: RequestType;
  domain?: string;
  categoryCode: string;
  fields?: Record<string, string | undefined>;
  description: string;
  locationText?: string;
  regionCode: string;
  requesterName?: string;
  requesterPhone: string;
  attachments?: PublicUpload[];
}

function RegionSelect({ value, onChange }: { value?: string; onChange?: (v: string) => void }) {
  const t = useT();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text, 300);
  const regions = usePublicRegions(q);
  return (
    <Select<string>
      showSearch={{ filterOption: false, onSearch: setText }}
      value={value}
      onChange={(v) => onChange?.(v)}
      loading={regions.isFetching}
      placeholder={t('hotline.public.region-placeholder')}
      notFoundContent={q.trim() ? undefined : t('hotline.public.region-type')}
      options={(regions.data?.items ?? []).map((r) => ({
        value: r.code,
        label: r.parentName ? `${r.name}（${r.parentName}）` : r.name,
      }))}
      data-testid="public-region"
    />
  );
}

/** 网上提交: the citizen's form; the tracking number and query code come back at once. */
export function PublicSubmitForm() {
  const t = useT();
  const [form] = Form.useForm<PublicValues>();
  const [coords, setCoords] = useState<{ lat: number; lon: number } | null>(null);
  const submit = useMutation({
    mutationFn: (v: PublicValues) =>
      hotline.submitPublic({
        requestType: v.requestType,
        categoryCode: v.categoryCode,
        fields: cleanFields(v.fields),
        description: v.description.trim(),
        regionCode: v.regionCode,
        requesterPhone: v.requesterPhone.replace(/[\s-]/g, ''),
        ...(v.requesterName?.trim() && { requesterName: v.requesterName.trim() }),
        ...(v.locationText?.trim() && { locationText: v.locationText.trim() }),
        ...(coords && { lat: coords.lat, lon: coords.lon }),
        ...(v.attachments?.length && {
          attachments: v.attachments.map((a) => ({ id: a.id, token: a.token })),
        }),
      }),
    meta: { silent: true },
  });

  if (submit.data)
    return (
      <Card>
        <Result
          status="success"
          title={t('hotline.public.submitted')}
          subTitle={
            <div data-testid="public-submitted">
              <div>
                {t('hotline.field.ticket-no')}：
                <Typography.Text strong copyable>
                  {submit.data.ticketNo}
                </Typography.Text>
              </div>
              <div>
                {t('hotline.field.query-code')}：
                <Typography.Text strong copyable>
                  {submit.data.queryCode}
                </Typography.Text>
              </div>
              <div>{t('hotline.public.keep-codes')}</div>
            </div>
          }
          extra={
            <Link to={`/public/hotline/query?no=${submit.data.ticketNo}&code=${submit.data.queryCode}`}>
              <Button type="primary">{t('hotline.public.query')}</Button>
            </Link>
          }
        />
      </Card>
    );

  const locate = () =>
    navigator.geolocation?.getCurrentPosition((p) =>
      setCoords({
        lat: Math.round(p.coords.latitude * 1e6) / 1e6,
        lon: Math.round(p.coords.longitude * 1e6) / 1e6,
      }),
    );

  return (
    <Card title={t('hotline.public.submit')}>
      <Typography.Paragraph type="secondary">{t('hotline.public.intro')}</Typography.Paragraph>
      {submit.isError && (
        <Alert type="error" showIcon title={describeError(t, submit.error)} style={{ marginBottom: 12 }} />
      )}
      <Form<PublicValues>
        form={form}
        layout="vertical"
        initialValues={{ requestType: 'complaint' }}
        onFinish={(v) => submit.mutate(v)}
        data-testid="public-form"
      >
        <CategoryPicker />
        <Form.Item
          name="description"
          label={t('hotline.public.description')}
          rules={[{ required: true, whitespace: true, message: t('hotline.field.description-required') }]}
        >
          <Input.TextArea rows={4} maxLength={4000} showCount data-testid="public-description" />
        </Form.Item>
        <Form.Item name="regionCode" label={t('hotline.public.region')} rules={[{ required: true }]}>
          <RegionSelect />
        </Form.Item>
        <Form.Item name="locationText" label={t('hotline.field.location')}>
          <Input maxLength={200} data-testid="public-location" />
        </Form.Item>
        <Form.Item label={t('hotline.public.map')} extra={t('hotline.public.map-hint')}>
          <LocationMap value={coords} onChange={setCoords} height={260} testId="public-map" />
          <Button icon={<AimOutlined />} onClick={locate} style={{ marginTop: 8 }}>
            {t('hotline.public.use-position')}
          </Button>
        </Form.Item>
        <Form.Item name="attachments" label={t('hotline.attach.label')}>
          <PublicAttachments />
        </Form.Item>
        <Form.Item name="requesterName" label={t('hotline.field.name')}>
          <Input maxLength={50} data-testid="public-name" />
        </Form.Item>
        <Form.Item
          name="requesterPhone"
          label={t('hotline.field.phone')}
          extra={t('hotline.public.phone-private')}
          rules={[
            { required: true, pattern: /^[\d\s-]{5,30}$/, message: t('hotline.public.phone-required') },
          ]}
        >
          <Input maxLength={30} inputMode="tel" data-testid="public-phone" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submit.isPending} data-testid="public-submit">
          {t('hotline.public.send')}
        </Button>
      </Form>
    </Card>
  );
}
