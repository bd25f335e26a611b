import { Checkbox, Form, Input, Modal, Spin, Typography } from 'antd';
import { useT } from '../../../i18n/useT.ts';
import { usePermissionCatalogue, usePermissionLabel, useSaveRole } from '../hooks/useRoles.ts';
import type { RoleDto } from '../types.ts';

interface RoleValues {
  code: string;
  name: string;
  description: string;
  permissions: string[];
}

export interface RoleFormModalProps {
  open: boolean;
  /** null creates a new role. */
  role: RoleDto | null;
  onClose: () => void;
}

export function RoleFormModal({ open, role, onClose }: RoleFormModalProps) {
  const t = useT();
  const [form] = Form.useForm<RoleValues>();
  const catalogue = usePermissionCatalogue();
  const label = usePermissionLabel();
  const save = useSaveRole();

  const submit = (values: RoleValues) => {
    const command = role
      ? {
          id: role.id,
          input: { name: values.name, description: values.description, permissions: values.permissions },
        }
      : { id: null, input: { ...values, description: values.description ?? '' } };
    save.mutate(command, { onSuccess: onClose });
  };

  return (
    <Modal
      open={open}
      title={role ? t('role.edit') : t('role.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={640}
    >
      <Form<RoleValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={role ?? { permissions: [] }}
        onFinish={submit}
        data-testid="role-form"
      >
        <Form.Item
          name="code"
          label={t('role.field.code')}
          extra={role ? undefined : t('role.field.code-hint')}
          rules={[
            { required: true, pattern: /^[a-zA-Z][a-zA-Z0-9]{1,39}$/, message: t('role.field.code-hint') },
          ]}
        >
          <Input disabled={role !== null} data-testid="role-form-code" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('role.field.name')}
          rules={[{ required: true, whitespace: true, max: 50 }]}
        >
          <Input data-testid="role-form-name" />
        </Form.Item>
        <Form.Item name="description" label={t('role.field.description')} rules={[{ max: 200 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        {catalogue.isPending ? (
          <Spin />
        ) : (
          <Form.Item name="permissions" label={t('role.field.permissions')}>
            <Checkbox.Group
              style={{ display: 'grid', gridTemplateColumns: 'repeat(2, minmax(0, 1fr))', gap: 8 }}
              options={(catalogue.data?.items ?? []).map((code) => ({
                value: code,
                label: (
                  <span>
                    {label(code)}{' '}
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {code}
                    </Typography.Text>
                  </span>
                ),
              }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
