import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Spin, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { describeError } from '../../../api/error-message.ts';
import { useT } from '../../../i18n/useT.ts';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useCan } from '../../auth/hooks/useMe.ts';
import { FormHeaderModal } from './FormHeaderModal.tsx';
import { periodTypeLabel } from './format.ts';
import { useFormDetail } from './hooks.ts';
import { ObligationsCard } from './ObligationsCard.tsx';
import { RulesCard } from './RulesCard.tsx';
import { VersionsCard } from './VersionsCard.tsx';
import { WindowsCard } from './WindowsCard.tsx';

const TABS = ['versions', 'obligations', 'windows', 'rules'] as const;

/** One form (报表制度): its header, layout versions, who reports, fill windows and audit formulas. */
export function FormWorkspace({ formId }: { formId: number }) {
  const t = useT();
  const canManage = useCan('stats.manage');
  const detail = useFormDetail(formId);
  const [editing, setEditing] = useState(false);
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((x) => x === params.get('tab')) ?? 'versions';

  if (detail.isPending) return <Spin />;
  if (detail.isError) return <Alert type="error" showIcon title={describeError(t, detail.error)} />;
  const { form, versions } = detail.data;
  const levels = (ls: string[]) => ls.map((l) => t(`stats.level.${l}` as never)).join(' → ');
  return (
    <>
      <PageHeader
        title={
          <>
            {form.code} {form.name}{' '}
            <Tag color={form.status === 'active' ? 'green' : 'default'}>
              {t(`stats.admin.status.${form.status}`)}
            </Tag>
          </>
        }
        subtitle={t('stats.admin.form.subtitle', { owner: form.ownerName })}
        extra={
          <>
            {canManage && (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="form-header-edit">
                {t('stats.admin.form.edit')}
              </Button>
            )}
            <Link to="/stats/forms">
              <Button icon={<ArrowLeftOutlined />}>{t('nav.stats-forms')}</Button>
            </Link>
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 12 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          data-testid="form-header"
          items={[
            { key: 'code', label: t('stats.form.code'), children: form.code },
            { key: 'issuing', label: t('stats.form.issuing'), children: form.issuingAuthority || '—' },
            { key: 'approving', label: t('stats.form.approving'), children: form.approvingAuthority || '—' },
            { key: 'no', label: t('stats.form.approval-no'), children: form.approvalNo || '—' },
            {
              key: 'until',
              label: t('stats.form.valid-until'),
              children: form.validUntil ?? t('stats.admin.no-end'),
            },
            {
              key: 'type',
              label: t('stats.admin.field.period-type'),
              children: periodTypeLabel(t, form.periodType),
            },
            {
              key: 'filling',
              label: t('stats.admin.form.filling-levels'),
              children: levels(form.fillingLevels),
            },
            { key: 'chain', label: t('stats.admin.form.chain-levels'), children: levels(form.chainLevels) },
            {
              key: 'deadline',
              label: t('stats.admin.form.deadline-rule'),
              children:
                form.deadlineWorkingDays === null
                  ? t('stats.admin.form.no-deadline')
                  : t('stats.admin.form.deadline-value', {
                      open: form.fillOpenDays,
                      days: form.deadlineWorkingDays,
                    }),
            },
          ]}
        />
      </Card>
      <Tabs
        activeKey={tab}
        onChange={(k) =>
          setParams(
            (prev) => {
              const next = new URLSearchParams(prev);
              next.set('tab', k);
              return next;
            },
            { replace: true },
          )
        }
        items={[
          {
            key: 'versions',
            label: (
              <span data-testid="tab-versions">{t('stats.admin.tab.versions', { n: versions.length })}</span>
            ),
            children: <VersionsCard form={form} versions={versions} canManage={canManage} />,
          },
          {
            key: 'obligations',
            label: <span data-testid="tab-obligations">{t('stats.admin.tab.obligations')}</span>,
            children: <ObligationsCard formId={form.id} canManage={canManage} />,
          },
          {
            key: 'windows',
            label: <span data-testid="tab-windows">{t('stats.admin.tab.windows')}</span>,
            children: <WindowsCard form={form} canManage={canManage} />,
          },
          {
            key: 'rules',
            label: <span data-testid="tab-rules">{t('stats.rules.title')}</span>,
            children: <RulesCard formId={form.id} canManage={canManage} />,
          },
        ]}
      />
      {editing && <FormHeaderModal form={form} onClose={() => setEditing(false)} />}
    </>
  );
}
