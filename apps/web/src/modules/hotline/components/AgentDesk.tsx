import { Alert, Button, Card, Col, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useT } from '../../../i18n/useT.ts';
import { useDebouncedValue } from '../../../ui/useDebouncedValue.ts';
import { OrgSelect } from '../../orgs/components/OrgSelect.tsx';
import * as hotline from '../api.ts';
import { useHotlineMutation, useKbArticle, useReasons, useRoutePreview } from '../hooks.ts';
import type { Created, Duplicate, KbHit } from '../types.ts';
import { CallerPanel } from './CallerPanel.tsx';
import { CategoryPicker } from './CategoryPicker.tsx';
import { DuplicateHints } from './DuplicateHints.tsx';
import { type DeskValues, toTicketBody } from './desk-values.ts';
import { KbPanel } from './KbPanel.tsx';

type Outcome = {
  created: Created;
  kind: 'answered' | 'dispatched' | 'accepted' | 'notAccepted' | 'joined';
  unit?: string;
};

/** 坐席工作台: one screen for a call — caller, category, KB answer, or a ticket sent on its way. */
export function AgentDesk() {
  const t = useT();
  const [form] = Form.useForm<DeskValues>();
  const [cited, setCited] = useState<KbHit | null>(null);
  const [answer, setAnswer] = useState('');
  const [reason, setReason] = useState<string | undefined>();
  const [unitOverride, setUnitOverride] = useState<number | undefined>();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // Each call starts with a fresh KB search.
  const [callNo, setCallNo] = useState(0);
  const reasons = useReasons();
  const article = useKbArticle(cited?.id ?? null);

  const values = Form.useWatch([], form) as Partial<DeskValues> | undefined;
  const phone = useDebouncedValue(values?.requesterPhone?.replace(/[\s-]/g, '') ?? '', 400);
  const preview = useRoutePreview({
    requestType: values?.requestType,
    categoryCode: values?.categoryCode,
    regionOrgId: values?.regionOrgId,
  });
  const target = unitOverride ?? preview.data?.handlingOrgId ?? undefined;

  const run = useHotlineMutation(
    async ({ kind, v, into }: { kind: Outcome['kind']; v: DeskValues; into?: Duplicate }) => {
      const body = toTicketBody(v);
      if (kind === 'joined' && into) {
        // The call is a ticket of its own (its caller, its callback), merged into the open one.
        const created = await hotline.createTicket({ ...body, disposition: 'accept' });
        await hotline.merge(created.id, into.ticket.id);
        return { created, kind, unit: into.ticket.ticketNo };
      }
      if (kind === 'answered') {
        const created = await hotline.createTicket({
          ...body,
          disposition: 'instantAnswer',
          kbArticleId: cited?.id,
          answerText: answer.trim(),
        });
        return { created, kind };
      }
      if (kind === 'notAccepted') {
        const created = await hotline.createTicket({
          ...body,
          disposition: 'notAccept',
          notAcceptedReason: reason,
        });
        return { created, kind };
      }
      const created = await hotline.createTicket({ ...body, disposition: 'accept' });
      if (kind === 'accepted' || !target) return { created, kind: 'accepted' as const };
      const ticket = await hotline.dispatch(created.id, target);
      return { created, kind, unit: ticket.handlingName ?? undefined };
    },
  );

  const finish = (o: Outcome) => {
    setOutcome(o);
    form.resetFields();
    setCited(null);
    setAnswer('');
    setReason(undefined);
    setUnitOverride(undefined);
    setCallNo((n) => n + 1);
  };
  const go = (kind: Outcome['kind'], into?: Duplicate) =>
    form.validateFields().then(
      (v) => run.mutate({ kind, v, ...(into && { into }) }, { onSuccess: finish }),
      () => undefined,
    );
  const busy = (kind: Outcome['kind']) => run.isPending && run.variables?.kind === kind;
  const cite = (hit: KbHit) => {
    setCited(hit);
    setAnswer('');
  };
  const notAcceptScript = reasons.data?.items.find((r) => r.kind === 'notAccepted' && r.code === reason);

  return (
    <Form<DeskValues>
      form={form}
      layout="vertical"
      initialValues={{ requestType: 'inquiry' }}
      onValuesChange={() => setOutcome(null)}
      data-testid="agent-desk"
    >
      {outcome && (
        <Alert
          type="success"
          showIcon
          closable
          style={{ marginBottom: 12 }}
          data-testid="desk-outcome"
          title={t(`hotline.desk.outcome.${outcome.kind}`, {
            no: outcome.created.ticketNo,
            unit: outcome.unit ?? '',
          })}
          description={
            <Space>
              <span>
                {t('hotline.desk.query-code')}
                <Typography.Text strong copyable data-testid="desk-query-code">
                  {outcome.created.queryCode}
                </Typography.Text>
              </span>
              <Link to={`/hotline/tickets/${outcome.created.id}`} data-testid="desk-open-ticket">
                {t('hotline.desk.open-ticket')}
              </Link>
            </Space>
          }
        />
      )}
      <Row gutter={12}>
        <Col xs={24} xl={14}>
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            <CallerPanel phone={phone} />
            <Card size="small" title={t('hotline.desk.request')}>
              <CategoryPicker />
              <Form.Item
                name="description"
                label={t('hotline.field.description')}
                rules={[
                  { required: true, whitespace: true, message: t('hotline.field.description-required') },
                ]}
              >
                <Input.TextArea rows={3} maxLength={4000} showCount data-testid="desk-description" />
              </Form.Item>
              <Row gutter={8}>
                <Col span={12}>
                  <Form.Item name="locationText" label={t('hotline.field.location')}>
                    <Input maxLength={200} data-testid="desk-location" />
                  </Form.Item>
                </Col>
                <Col span={12}>
                  <Form.Item name="regionOrgId" label={t('hotline.field.region')}>
                    <OrgSelect testId="desk-region" placeholder={t('hotline.field.region-placeholder')} />
                  </Form.Item>
                </Col>
              </Row>
              <Space>
                <Form.Item name="lat" label={t('hotline.field.lat')}>
                  <InputNumber min={-90} max={90} step={0.0001} style={{ width: 140 }} />
                </Form.Item>
                <Form.Item name="lon" label={t('hotline.field.lon')}>
                  <InputNumber min={-180} max={180} step={0.0001} style={{ width: 140 }} />
                </Form.Item>
              </Space>
            </Card>
            <DuplicateHints
              phone={phone}
              plateNo={values?.fields?.plateNo}
              text={values?.description}
              lat={values?.lat ?? undefined}
              lon={values?.lon ?? undefined}
              onJoin={(d) => go('joined', d)}
              joining={
                run.isPending && run.variables?.kind === 'joined' ? run.variables.into?.ticket.id : undefined
              }
            />
            <Card size="small" title={t('hotline.desk.dispatch')} data-testid="desk-dispatch-card">
              <Space direction="vertical" style={{ width: '100%' }}>
                <Typography.Text data-testid="route-preview">
                  {preview.data?.handlingName
                    ? t(`hotline.route.${preview.data.source}`, { unit: preview.data.handlingName })
                    : t('hotline.route.none')}
                </Typography.Text>
                <Space wrap>
                  <span>{t('hotline.desk.unit-override')}</span>
                  <div style={{ width: 260, display: 'grid' }}>
                    <OrgSelect value={unitOverride} onChange={setUnitOverride} testId="desk-unit" />
                  </div>
                </Space>
                <Space wrap>
                  <Button
                    type="primary"
                    disabled={!target}
                    loading={busy('dispatched')}
                    onClick={() => go('dispatched')}
                    data-testid="desk-dispatch"
                  >
                    {t('hotline.desk.accept-dispatch')}
                  </Button>
                  <Button loading={busy('accepted')} onClick={() => go('accepted')} data-testid="desk-accept">
                    {t('hotline.desk.accept-only')}
                  </Button>
                  <Select
                    allowClear
                    value={reason}
                    onChange={setReason}
                    placeholder={t('hotline.desk.not-accept-reason')}
                    style={{ width: 240 }}
                    options={(reasons.data?.items ?? [])
                      .filter((r) => r.kind === 'notAccepted')
                      .map((r) => ({ value: r.code, label: r.name }))}
                    data-testid="desk-not-accept-reason"
                  />
                  <Button
                    danger
                    disabled={!reason}
                    onClick={() => go('notAccepted')}
                    data-testid="desk-not-accept"
                  >
                    {t('hotline.desk.not-accept')}
                  </Button>
                </Space>
                {notAcceptScript && (
                  <Alert
                    type="info"
                    showIcon
                    title={t('hotline.desk.script')}
                    description={notAcceptScript.script}
                  />
                )}
              </Space>
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <Space direction="vertical" size={12} style={{ width: '100%' }}>
            <KbPanel key={callNo} citedId={cited?.id ?? null} onCite={cite} />
            {cited && (
              <Card size="small" title={t('hotline.desk.instant-answer')} data-testid="instant-answer">
                <Typography.Paragraph>
                  {t('hotline.desk.citing', { title: cited.title, version: cited.version })}
                </Typography.Paragraph>
                {article.data && (
                  <Typography.Paragraph type="secondary" ellipsis={{ rows: 6, expandable: true }}>
                    {article.data.body}
                  </Typography.Paragraph>
                )}
                <Input.TextArea
                  rows={4}
                  maxLength={4000}
                  value={answer}
                  onChange={(e) => setAnswer(e.target.value)}
                  placeholder={t('hotline.desk.answer-placeholder')}
                  data-testid="desk-answer"
                />
                <Space style={{ marginTop: 8 }}>
                  <Button
                    disabled={!article.data}
                    onClick={() => setAnswer(article.data?.body.slice(0, 4000) ?? '')}
                  >
                    {t('hotline.desk.use-article')}
                  </Button>
                  <Button
                    type="primary"
                    disabled={!answer.trim()}
                    loading={busy('answered')}
                    onClick={() => go('answered')}
                    data-testid="desk-answer-close"
                  >
                    {t('hotline.desk.answer-close')}
                  </Button>
                </Space>
              </Card>
            )}
          </Space>
        </Col>
      </Row>
    </Form>
  );
}
