import { DatePicker, Flex, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useT } from '../../../i18n/useT.ts';
import type { LatLon } from '../../../ui/map/types.ts';
import { useOpenIncident } from '../hooks/useIncidents.ts';
import {
  ALERT_SOURCES,
  type AlertSource,
  DISTRESS_NATURES,
  type DistressNature,
  type IncidentDetail,
} from '../types/incidents.ts';
import { formatLat, formatLon, parseCoordinate } from './geo-format.ts';

interface Values {
  source: AlertSource;
  nature: DistressNature;
  lat: string;
  lon: string;
  alertAt: Dayjs;
  mmsi?: number | null;
  personsOnBoard?: number | null;
  description?: string;
  radiusNm: number;
}

export interface OpenIncidentModalProps {
  open: boolean;
  /** Where the map was clicked, if it was. */
  at: LatLon | null;
  onClose: () => void;
  onOpened: (incident: IncidentDetail) => void;
}

const coordRule = (kind: 'lat' | 'lon', message: string) => ({
  validator: (_: unknown, value: string | undefined) =>
    value && parseCoordinate(value, kind) !== null ? Promise.resolve() : Promise.reject(new Error(message)),
});

export function OpenIncidentModal({ open, at, onClose, onOpened }: OpenIncidentModalProps) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const mutation = useOpenIncident();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue({
      alertAt: dayjs(),
      radiusNm: 20,
      ...(at ? { lat: formatLat(at.lat), lon: formatLon(at.lon) } : {}),
    });
  }, [open, at, form]);

  const submit = (v: Values) => {
    mutation.mutate(
      {
        source: v.source,
        nature: v.nature,
        position: { lat: parseCoordinate(v.lat, 'lat') ?? 0, lon: parseCoordinate(v.lon, 'lon') ?? 0 },
        alertAt: v.alertAt.toISOString(),
        // Absent rather than null: the server coerces a null integer to 0.
        mmsi: v.mmsi ?? undefined,
        personsOnBoard: v.personsOnBoard ?? undefined,
        description: v.description?.trim() || null,
        radiusNm: v.radiusNm,
      },
      { onSuccess: onOpened },
    );
  };

  const invalid = t('incident.field.coord-invalid');
  return (
    <Modal
      open={open}
      title={t('incident.open-title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={mutation.isPending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'incident-open-submit' }}
    >
      <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="incident-open-form">
        <Form.Item name="source" label={t('incident.field.source')} rules={[{ required: true }]}>
          <Select
            data-testid="incident-form-source"
            options={ALERT_SOURCES.map((s) => ({ value: s, label: t(`incident.source.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="nature" label={t('incident.field.nature')} rules={[{ required: true }]}>
          <Select
            data-testid="incident-form-nature"
            options={DISTRESS_NATURES.map((n) => ({ value: n, label: t(`incident.nature.${n}`) }))}
          />
        </Form.Item>
        <Form.Item label={t('incident.field.position')} extra={t('incident.field.coord-hint')} required>
          <Flex gap={8}>
            <Form.Item name="lat" noStyle rules={[coordRule('lat', invalid)]}>
              <Input placeholder={t('incident.field.lat')} data-testid="incident-form-lat" />
            </Form.Item>
            <Form.Item name="lon" noStyle rules={[coordRule('lon', invalid)]}>
              <Input placeholder={t('incident.field.lon')} data-testid="incident-form-lon" />
            </Form.Item>
          </Flex>
        </Form.Item>
        <Form.Item name="alertAt" label={t('incident.field.alert-at')} rules={[{ required: true }]}>
          <DatePicker showTime style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="mmsi" label={t('incident.field.mmsi')}>
          <InputNumber
            min={0}
            max={999_999_999}
            precision={0}
            style={{ width: '100%' }}
            data-testid="incident-form-mmsi"
          />
        </Form.Item>
        <Form.Item name="personsOnBoard" label={t('incident.field.pob')}>
          <InputNumber min={0} max={10_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="radiusNm" label={t('incident.field.radius')} rules={[{ required: true }]}>
          <InputNumber min={1} max={500} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="description" label={t('incident.field.description')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
