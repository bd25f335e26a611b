import { Descriptions, Flex, Tag, Typography } from 'antd';
import { formatDate, formatDateTime } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import type { SaveStatus } from '../hooks/useDraft.ts';
import type { ReportView } from '../model/types.ts';
import { STATE_COLORS } from './format.ts';

const SAVE_COLORS: Record<SaveStatus, string> = {
  idle: 'default',
  pending: 'processing',
  saving: 'processing',
  saved: 'success',
  invalid: 'error',
  failed: 'error',
};

/** The official header of the form (表号, 制定机关, 批准文号, 有效期至) and where the report stands. */
export function ReportHeader({
  view,
  save,
  savedAt,
}: {
  view: ReportView;
  save: SaveStatus | null;
  savedAt: Date | null;
}) {
  const t = useT();
  return (
    <div style={{ marginBottom: 12 }}>
      <Flex align="center" justify="space-between" wrap gap={8}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="report-title">
            {view.form.name}
          </Typography.Title>
          <Typography.Text type="secondary">
            {view.orgUnit.name} · {view.period.name} · {t(`stats.kind.${view.kind}`)} ·{' '}
            {t('stats.report.version', { n: view.version.versionNo })}
          </Typography.Text>
        </div>
        <Flex gap={8} align="center">
          <Tag color={STATE_COLORS[view.state]} data-testid="report-state" data-state={view.state}>
            {t(`stats.state.${view.state}`)}
          </Tag>
          {view.window.overdue && <Tag color="volcano">{t('stats.status.overdue')}</Tag>}
          {save && save !== 'idle' && (
            <Tag color={SAVE_COLORS[save]} data-testid="save-status" data-status={save}>
              {save === 'saved' && savedAt
                ? t('stats.save.saved-at', { time: formatDateTime(savedAt.toISOString()).slice(11) })
                : t(`stats.save.${save}`)}
            </Tag>
          )}
        </Flex>
      </Flex>
      <Descriptions size="small" column={{ xs: 1, md: 3, xl: 6 }} style={{ marginTop: 8 }}>
        <Descriptions.Item label={t('stats.form.code')}>{view.form.code}</Descriptions.Item>
        <Descriptions.Item label={t('stats.form.issuing')}>{view.form.issuingAuthority}</Descriptions.Item>
        <Descriptions.Item label={t('stats.form.approving')}>
          {view.form.approvingAuthority}
        </Descriptions.Item>
        <Descriptions.Item label={t('stats.form.approval-no')}>{view.form.approvalNo}</Descriptions.Item>
        <Descriptions.Item label={t('stats.form.valid-until')}>
          {formatDate(view.form.validUntil)}
        </Descriptions.Item>
        <Descriptions.Item label={t('stats.field.deadline')}>
          {formatDateTime(view.window.deadline)}
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}
