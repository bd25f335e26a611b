import { Alert, Form, Input, InputNumber, Modal, Radio, Select, Space, Switch } from 'antd';
import { useEffect } from 'react';
import { describeError } from '../../../api/error-message.ts';
import { useT } from '../../../i18n/useT.ts';
import { useMe } from '../../auth/hooks/useMe.ts';
import {
  ROAD_CLASSES,
  type RoadClass,
  type SpeedZone,
  type SpeedZoneInput,
  ZONE_VEHICLE_TYPES,
  type ZoneVehicleType,
} from '../api/speed-zones.ts';
import { useSaveZone } from '../hooks/useSpeedZones.ts';

interface FormValues {
  name: string;
  roadClass: RoadClass;
  shape: 'polygon' | 'corridor';
  points: string;
  widthM?: number;
  limits: Partial<Record<ZoneVehicleType, number | null>>;
  enabled: boolean;
}

/** "lon,lat" per line (or separated by spaces/semicolons) to [lon, lat] pairs; null when malformed. */
export function parsePoints(text: string): [number, number][] | null {
  const parts = text
    .split(/[\n;]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const out: [number, number][] = [];
  for (const p of parts) {
    const m = /^(-?\d+(?:\.\d+)?)\s*[, ]\s*(-?\d+(?:\.\d+)?)$/.exec(p);
    if (!m) return null;
    const lon = Number(m[1]);
    const lat = Number(m[2]);
    if (Math.abs(lon) > 180 || Math.abs(lat) > 90) return null;
    out.push([lon, lat]);
  }
  return out;
}

export interface SpeedZoneFormProps {
  /** The zone to change; null for a new one; undefined: closed. */
  zone: SpeedZone | null | undefined;
  onClose: () => void;
}

export function SpeedZoneForm({ zone, onClose }: SpeedZoneFormProps) {
  const t = useT();
  const me = useMe();
  const [form] = Form.useForm<FormValues>();
  const save = useSaveZone();
  const shape = Form.useWatch('shape', form);
  const open = zone !== undefined;

  useEffect(() => {
    if (!open) return;
    save.reset();
    form.setFieldsValue(
      zone
        ? {
            name: zone.name,
            roadClass: zone.roadClass,
            shape: zone.shape,
            points: zone.coordinates.map(([lon, lat]) => `${lon},${lat}`).join('\n'),
            widthM: zone.widthM ?? undefined,
            limits: zone.speedLimits,
            enabled: zone.enabled,
          }
        : {
            name: '',
            roadClass: 'nationalRoad',
            shape: 'corridor',
            points: '',
            widthM: 60,
            limits: {},
            enabled: true,
          },
    );
  }, [open, zone, form, save.reset]);

  const submit = async () => {
    const v = await form.validateFields();
    const limits: Partial<Record<ZoneVehicleType, number>> = {};
    for (const type of ZONE_VEHICLE_TYPES) {
      const limit = v.limits?.[type];
      if (typeof limit === 'number') limits[type] = limit;
    }
    const input: SpeedZoneInput = {
      orgUnitId: zone?.orgUnitId ?? me.orgUnitId,
      name: v.name,
      roadClass: v.roadClass,
      shape: v.shape,
      coordinates: parsePoints(v.points) ?? [],
      speedLimits: limits,
      enabled: v.enabled,
      ...(v.shape === 'corridor' ? { widthM: v.widthM ?? null } : zone ? { widthM: null } : {}),
    };
    await save.mutateAsync({ id: zone?.id ?? null, input });
    onClose();
  };

  return (
    <Modal
      open={open}
      title={zone ? t('vzone.edit') : t('vzone.create')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => {})}
      okButtonProps={{ loading: save.isPending }}
      destroyOnHidden
      width={560}
    >
      {save.isError && (
        <Alert type="error" showIcon title={describeError(t, save.error)} style={{ marginBottom: 12 }} />
      )}
      <Form form={form} layout="vertical" data-testid="zone-form">
        <Form.Item name="name" label={t('vzone.field.name')} rules={[{ required: true, max: 60 }]}>
          <Input data-testid="zone-name" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="roadClass" label={t('vzone.field.road-class')} rules={[{ required: true }]}>
            <Select
              style={{ width: 160 }}
              options={ROAD_CLASSES.map((c) => ({ value: c, label: t(`vzone.road.${c}`) }))}
            />
          </Form.Item>
          <Form.Item name="shape" label={t('vzone.field.shape')}>
            <Radio.Group
              options={[
                { value: 'corridor', label: t('vzone.shape.corridor') },
                { value: 'polygon', label: t('vzone.shape.polygon') },
              ]}
            />
          </Form.Item>
          {shape === 'corridor' && (
            <Form.Item name="widthM" label={t('vzone.field.width')} rules={[{ required: true }]}>
              <InputNumber min={1} max={10000} addonAfter="m" style={{ width: 140 }} />
            </Form.Item>
          )}
        </Space>
        <Form.Item
          name="points"
          label={t('vzone.field.points')}
          extra={t('vzone.points-help')}
          rules={[
            { required: true },
            {
              validator: (_, value: string) => {
                const pts = parsePoints(value ?? '');
                const min = form.getFieldValue('shape') === 'polygon' ? 3 : 2;
                return pts && pts.length >= min
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('vzone.points-bad', { min })));
              },
            },
          ]}
        >
          <Input.TextArea rows={4} data-testid="zone-points" placeholder="118.80,32.05" />
        </Form.Item>
        <Form.Item label={t('vzone.field.limits')} extra={t('vzone.limits-help')} required>
          <Space wrap>
            {ZONE_VEHICLE_TYPES.map((type) => (
              <Form.Item key={type} name={['limits', type]} noStyle>
                <InputNumber
                  min={5}
                  max={200}
                  addonBefore={
                    <span style={{ display: 'inline-block', width: 84 }}>{t(`vehicle.type.${type}`)}</span>
                  }
                  addonAfter="km/h"
                  style={{ width: 250 }}
                  data-testid={`zone-limit-${type}`}
                />
              </Form.Item>
            ))}
          </Space>
        </Form.Item>
        <Form.Item name="enabled" label={t('vzone.field.enabled')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
