import { Alert, DatePicker, Form, Input, Modal, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { toIsoDate } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import type { MessageKey } from '../../../i18n/zh-CN.ts';
import { type OrgAction, type OrgActionInput, useOrgAction } from '../hooks/useOrgMutations.ts';
import type { OrgDto, OrgKind } from '../types.ts';
import { OrgSelect } from './OrgSelect.tsx';

interface OrgActionValues {
  name?: string;
  code?: string;
  kind?: OrgKind;
  targetId?: number;
  effectiveDate: Dayjs;
}

const TITLES: Record<OrgAction, MessageKey> = {
  create: 'org.action.create',
  rename: 'org.action.rename',
  merge: 'org.action.merge',
  close: 'org.action.close',
};

export interface OrgActionModalProps {
  action: OrgAction | null;
  org: OrgDto;
  onClose: () => void;
  onDone: (action: OrgAction, result: OrgDto) => void;
}

function toCommand(action: OrgAction, org: OrgDto, values: OrgActionValues): OrgActionInput {
  const effectiveDate = toIsoDate(values.effectiveDate);
  switch (action) {
    case 'create':
      return {
        action,
        input: {
          parentId: org.id,
          name: values.name ?? '',
          code: values.code ?? '',
          kind: values.kind ?? 'department',
          effectiveDate,
        },
      };
    case 'rename':
      return { action, id: org.id, input: { name: values.name ?? '', effectiveDate } };
    case 'merge':
      return { action, id: org.id, input: { targetId: values.targetId ?? 0, effectiveDate } };
    case 'close':
      return { action, id: org.id, input: { effectiveDate } };
  }
}

/** One modal for the four org changes; each takes effect on a date (today unless told otherwise). */
export function OrgActionModal({ action, org, onClose, onDone }: OrgActionModalProps) {
  const t = useT();
  const [form] = Form.useForm<OrgActionValues>();
  const mutation = useOrgAction();

  const submit = (values: OrgActionValues) => {
    if (!action) return;
    mutation.mutate(toCommand(action, org, values), {
      onSuccess: (result) => {
        onDone(action, result);
        onClose();
      },
    });
  };

  return (
    <Modal
      open={action !== null}
      title={action ? `${t(TITLES[action])} — ${org.name}` : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={mutation.isPending}
      okButtonProps={{ danger: action === 'close' || action === 'merge' }}
      destroyOnHidden
    >
      <Form<OrgActionValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          effectiveDate: dayjs(),
          kind: 'department',
          name: action === 'rename' ? org.name : undefined,
        }}
        onFinish={submit}
        data-testid={`org-action-form-${action ?? 'none'}`}
      >
        {action === 'close' && (
          <Alert type="warning" showIcon title={t('org.action.close-warning')} style={{ marginBottom: 16 }} />
        )}
        {action === 'merge' && (
          <Alert type="warning" showIcon title={t('org.action.merge-warning')} style={{ marginBottom: 16 }} />
        )}
        {(action === 'create' || action === 'rename') && (
          <Form.Item
            name="name"
            label={t('org.field.name')}
            rules={[{ required: true, whitespace: true, max: 100 }]}
          >
            <Input data-testid="org-form-name" />
          </Form.Item>
        )}
        {action === 'create' && (
          <>
            <Form.Item
              name="code"
              label={t('org.field.code')}
              rules={[{ required: true, whitespace: true, max: 40 }]}
            >
              <Input data-testid="org-form-code" />
            </Form.Item>
            <Form.Item name="kind" label={t('org.field.kind')} rules={[{ required: true }]}>
              <Radio.Group
                options={[
                  { value: 'department', label: t('org.kind.department') },
                  { value: 'authority', label: t('org.kind.authority') },
                ]}
              />
            </Form.Item>
          </>
        )}
        {action === 'merge' && (
          <Form.Item name="targetId" label={t('org.action.merge-target')} rules={[{ required: true }]}>
            <OrgSelect excludeId={org.id} testId="org-form-merge-target" />
          </Form.Item>
        )}
        <Form.Item name="effectiveDate" label={t('org.action.effective-date')} rules={[{ required: true }]}>
          <DatePicker allowClear={false} data-testid="org-form-effective-date" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
