import { Alert, Button, Card, DatePicker, Descriptions, Flex, Form, Select, Table, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { describeError } from '../../../api/error-message.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { periodLabel } from '../model/periods.ts';
import { periodsAround } from './format.ts';
import { useSetWindow, useWindow, useWindows } from './hooks.ts';
import type { FormAdmin } from './types.ts';

interface WindowValues {
  opensAt: Dayjs;
  closesAt: Dayjs | null;
  deadline: Dayjs;
}

/**
 * 填报期: when a period may be filled (填报开始/结束) and its deadline. Without a setting the form's
 * rule applies (open after the period ends, deadline after N working days); setting one period
 * overrides it for that period only.
 */
export function WindowsCard({ form, canManage }: { form: FormAdmin; canManage: boolean }) {
  const t = useT();
  const periods = useMemo(() => periodsAround(form.periodType, new Date(), 12, 3), [form.periodType]);
  const [period, setPeriod] = useState<string | undefined>(periods[4]);
  const current = useWindow(form.id, period);
  const configured = useWindows(form.id);
  const set = useSetWindow(form.id);
  const [values] = Form.useForm<WindowValues>();

  useEffect(() => {
    const w = current.data;
    if (!w) return;
    values.setFieldsValue({
      opensAt: dayjs(w.opensAt),
      closesAt: w.closesAt ? dayjs(w.closesAt) : null,
      deadline: w.deadline ? dayjs(w.deadline) : dayjs(w.opensAt).add(10, 'day'),
    });
  }, [current.data, values]);

  return (
    <Flex vertical gap={12}>
      <Card size="small" title={t('stats.admin.windows.title')}>
        <Flex gap={24} wrap align="start">
          <div style={{ minWidth: 320 }}>
            <Select
              style={{ width: 240, marginBottom: 12 }}
              value={period}
              onChange={setPeriod}
              options={periods.map((p) => ({ value: p, label: periodLabel(t, p) }))}
              data-testid="window-period"
            />
            {current.isError && <Alert type="error" showIcon title={describeError(t, current.error)} />}
            {current.data && (
              <Descriptions
                size="small"
                column={1}
                data-testid="window-current"
                items={[
                  {
                    key: 'source',
                    label: t('stats.admin.windows.source'),
                    children: current.data.configured ? (
                      <Tag color="blue">{t('stats.admin.windows.configured')}</Tag>
                    ) : (
                      <Tag>{t('stats.admin.windows.derived')}</Tag>
                    ),
                  },
                  {
                    key: 'opens',
                    label: t('stats.admin.windows.opens'),
                    children: formatDateTime(current.data.opensAt),
                  },
                  {
                    key: 'closes',
                    label: t('stats.admin.windows.closes'),
                    children: current.data.closesAt
                      ? formatDateTime(current.data.closesAt)
                      : t('stats.admin.no-end'),
                  },
                  {
                    key: 'deadline',
                    label: t('stats.field.deadline'),
                    children: current.data.deadline ? formatDateTime(current.data.deadline) : '—',
                  },
                ]}
              />
            )}
          </div>
          {canManage && period && (
            <Form<WindowValues>
              form={values}
              layout="vertical"
              style={{ minWidth: 320 }}
              onFinish={(v) =>
                set.mutate({
                  period,
                  opensAt: v.opensAt.toISOString(),
                  closesAt: v.closesAt ? v.closesAt.toISOString() : null,
                  deadline: v.deadline.toISOString(),
                })
              }
            >
              <Form.Item name="opensAt" label={t('stats.admin.windows.opens')} rules={[{ required: true }]}>
                <DatePicker
                  showTime={{ format: 'HH:mm' }}
                  format="YYYY-MM-DD HH:mm"
                  data-testid="window-opens"
                />
              </Form.Item>
              <Form.Item
                name="closesAt"
                label={t('stats.admin.windows.closes')}
                extra={t('stats.admin.windows.closes-hint')}
              >
                <DatePicker
                  showTime={{ format: 'HH:mm' }}
                  format="YYYY-MM-DD HH:mm"
                  data-testid="window-closes"
                />
              </Form.Item>
              <Form.Item name="deadline" label={t('stats.field.deadline')} rules={[{ required: true }]}>
                <DatePicker
                  showTime={{ format: 'HH:mm' }}
                  format="YYYY-MM-DD HH:mm"
                  data-testid="window-deadline"
                />
              </Form.Item>
              {set.isError && (
                <Alert
                  type="error"
                  showIcon
                  title={describeError(t, set.error)}
                  style={{ marginBottom: 12 }}
                />
              )}
              <Button type="primary" htmlType="submit" loading={set.isPending} data-testid="window-save">
                {t('stats.admin.windows.set', { period: periodLabel(t, period) })}
              </Button>
            </Form>
          )}
        </Flex>
      </Card>
      <Card size="small" title={t('stats.admin.windows.list')}>
        <Table
          size="small"
          rowKey="period"
          loading={configured.isFetching}
          dataSource={configured.data?.items ?? []}
          pagination={false}
          data-testid="windows-table"
          onRow={(w) => ({ onClick: () => setPeriod(w.period), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('stats.field.period'), key: 'period', render: (_, w) => periodLabel(t, w.period) },
            {
              title: t('stats.admin.windows.opens'),
              key: 'opens',
              render: (_, w) => formatDateTime(w.opensAt),
            },
            {
              title: t('stats.admin.windows.closes'),
              key: 'closes',
              render: (_, w) => (w.closesAt ? formatDateTime(w.closesAt) : t('stats.admin.no-end')),
            },
            {
              title: t('stats.field.deadline'),
              key: 'deadline',
              render: (_, w) => formatDateTime(w.deadline),
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
