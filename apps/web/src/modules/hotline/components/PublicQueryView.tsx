import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Form, Input, Space, Tag, Timeline } from 'antd';
import { useSearchParams } from 'react-router';
import { describeError } from '../../../api/error-message.ts';
import { formatDateTime } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import * as hotline from '../api.ts';
import { useLabels } from './labels.tsx';
import { PublicAnswerForm } from './PublicAnswerForm.tsx';

/** 进度查询: tracking number plus query code; only what the server marks citizen-visible. */
export function PublicQueryView() {
  const t = useT();
  const labels = useLabels();
  const [params, setParams] = useSearchParams();
  const no = params.get('no') ?? '';
  const code = params.get('code') ?? '';
  const asked = /^\d{14}$/.test(no) && /^\d{6}$/.test(code);
  const view = useQuery({
    queryKey: ['hotline-public', 'view', no, code],
    queryFn: () => hotline.lookupPublic(no, code),
    enabled: asked,
    retry: false,
  });
  const v = view.data;

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }}>
      <Card title={t('hotline.public.query')}>
        <Form
          layout="vertical"
          initialValues={{ no, code }}
          onFinish={(f: { no: string; code: string }) => setParams({ no: f.no.trim(), code: f.code.trim() })}
        >
          <Form.Item
            name="no"
            label={t('hotline.field.ticket-no')}
            rules={[{ required: true, pattern: /^\s*\d{14}\s*$/ }]}
          >
            <Input maxLength={20} inputMode="numeric" data-testid="query-no" />
          </Form.Item>
          <Form.Item
            name="code"
            label={t('hotline.field.query-code')}
            rules={[{ required: true, pattern: /^\s*\d{6}\s*$/ }]}
          >
            <Input maxLength={10} inputMode="numeric" data-testid="query-code" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={view.isFetching} data-testid="query-submit">
            {t('common.search')}
          </Button>
        </Form>
      </Card>
      {view.isError && (
        <Alert type="error" showIcon title={describeError(t, view.error)} data-testid="query-error" />
      )}
      {v && (
        <Card title={t('hotline.public.progress')} data-testid="public-view">
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('hotline.field.ticket-no')}>{v.ticketNo}</Descriptions.Item>
            <Descriptions.Item label={t('hotline.field.type')}>
              {labels.type(v.requestType)}
            </Descriptions.Item>
            <Descriptions.Item label={t('hotline.field.category')}>{v.categoryName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('hotline.public.status')}>
              <Tag color={v.open ? 'processing' : 'success'} data-testid="public-status">
                {v.status}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('hotline.field.received-at')}>
              {formatDateTime(v.receivedAt)}
            </Descriptions.Item>
            {v.closedAt && (
              <Descriptions.Item label={t('hotline.public.closed-at')}>
                {formatDateTime(v.closedAt)}
              </Descriptions.Item>
            )}
          </Descriptions>
          {v.question && (
            <div style={{ marginTop: 16 }}>
              <PublicAnswerForm ticketNo={v.ticketNo} code={code} question={v.question} />
            </div>
          )}
          <Timeline
            style={{ marginTop: 16 }}
            data-testid="public-timeline"
            items={v.timeline.map((e) => ({
              key: `${e.at}-${e.status}`,
              children: (
                <span data-testid="public-timeline-entry">
                  {e.status} <span style={{ color: '#8c8c8c' }}>{formatDateTime(e.at)}</span>
                </span>
              ),
            }))}
          />
          {v.answer && (
            <Alert
              type="success"
              title={t('hotline.public.answer')}
              description={v.answer}
              data-testid="public-answer"
            />
          )}
          {v.reply && (
            <Descriptions
              size="small"
              column={1}
              bordered
              title={t('hotline.public.reply')}
              data-testid="public-reply"
            >
              <Descriptions.Item label={t('hotline.reply.facts')}>{v.reply.facts}</Descriptions.Item>
              <Descriptions.Item label={t('hotline.reply.handling')}>{v.reply.handling}</Descriptions.Item>
              <Descriptions.Item label={t('hotline.reply.legal-basis')}>
                {v.reply.legalBasis}
              </Descriptions.Item>
            </Descriptions>
          )}
        </Card>
      )}
    </Space>
  );
}
