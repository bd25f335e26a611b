import { Alert, DatePicker, Form, Input, InputNumber, Modal, Radio, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { describeError } from '../../../api/error-message.ts';
import { useT } from '../../../i18n/useT.ts';
import { useChangeForm } from './hooks.ts';
import type { FormAdmin } from './types.ts';

interface Values {
  name: string;
  issuingAuthority: string;
  approvingAuthority: string;
  approvalNo: string;
  validUntil: Dayjs | null;
  fillOpenDays: number;
  deadlineWorkingDays: number | null;
  requireChildrenApproved: boolean;
  status: FormAdmin['status'];
}

/** The form's header (表头: 制定机关, 批准机关, 批准文号, 有效期至), its fill window rule and status. */
export function FormHeaderModal({ form, onClose }: { form: FormAdmin; onClose: () => void }) {
  const t = useT();
  const change = useChangeForm(form.id);
  const [values] = Form.useForm<Values>();
  return (
    <Modal
      open
      width={640}
      title={t('stats.admin.form.edit')}
      onCancel={onClose}
      onOk={() => values.submit()}
      confirmLoading={change.isPending}
      okButtonProps={{ 'data-testid': 'form-header-save' } as never}
    >
      {change.isError && (
        <Alert type="error" showIcon title={describeError(t, change.error)} style={{ marginBottom: 12 }} />
      )}
      <Form<Values>
        form={values}
        layout="vertical"
        initialValues={{ ...form, validUntil: form.validUntil ? dayjs(form.validUntil) : null }}
        onFinish={(v) =>
          change.mutate(
            { ...v, validUntil: v.validUntil ? v.validUntil.format('YYYY-MM-DD') : null },
            { onSuccess: onClose },
          )
        }
      >
        <Form.Item name="name" label={t('stats.admin.field.name')} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="issuingAuthority" label={t('stats.form.issuing')} rules={[{ max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="approvingAuthority" label={t('stats.form.approving')} rules={[{ max: 100 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="approvalNo" label={t('stats.form.approval-no')} rules={[{ max: 100 }]}>
          <Input data-testid="form-header-approval-no" />
        </Form.Item>
        <Form.Item
          name="validUntil"
          label={t('stats.form.valid-until')}
          extra={t('stats.admin.form.valid-hint')}
        >
          <DatePicker />
        </Form.Item>
        <Form.Item name="fillOpenDays" label={t('stats.admin.form.open-days')}>
          <InputNumber min={-366} max={366} />
        </Form.Item>
        <Form.Item name="deadlineWorkingDays" label={t('stats.admin.form.deadline-days')}>
          <InputNumber min={0} max={250} />
        </Form.Item>
        <Form.Item
          name="requireChildrenApproved"
          label={t('stats.admin.form.children-approved')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        <Form.Item name="status" label={t('stats.admin.field.status')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'active', label: t('stats.admin.status.active') },
              { value: 'retired', label: t('stats.admin.status.retired') },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
