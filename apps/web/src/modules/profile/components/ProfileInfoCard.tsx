import { Button, Card, Descriptions, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/useT.ts';
import { RoleTags } from '../../auth/components/RoleTags.tsx';
import { useMe } from '../../auth/hooks/useMe.ts';
import { PermissionTags } from '../../roles/components/PermissionTags.tsx';
import { useUpdateMe } from '../hooks/useProfile.ts';

interface InfoValues {
  displayName: string;
  email?: string;
  phone?: string;
}

const blankToNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

export function ProfileInfoCard() {
  const t = useT();
  const me = useMe();
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<InfoValues>();
  const update = useUpdateMe();

  const submit = (values: InfoValues) =>
    update.mutate(
      {
        displayName: values.displayName.trim(),
        email: blankToNull(values.email),
        phone: blankToNull(values.phone),
      },
      { onSuccess: () => setEditing(false) },
    );

  return (
    <Card
      title={t('profile.info.title')}
      extra={
        <Button onClick={() => setEditing(true)} data-testid="profile-edit">
          {t('common.edit')}
        </Button>
      }
      data-testid="profile-info"
    >
      <Descriptions
        column={{ xs: 1, md: 2 }}
        items={[
          { key: 'username', label: t('user.field.username'), children: me.username },
          { key: 'displayName', label: t('user.field.display-name'), children: me.displayName },
          { key: 'org', label: t('user.field.org'), children: me.orgName },
          {
            key: 'roles',
            label: t('user.field.roles'),
            children: <RoleTags roles={me.roles} />,
          },
          { key: 'email', label: t('user.field.email'), children: me.email ?? '—' },
          { key: 'phone', label: t('user.field.phone'), children: me.phone ?? '—' },
          {
            key: 'permissions',
            label: t('role.field.permissions'),
            span: 2,
            children: <PermissionTags permissions={me.permissions} />,
          },
        ]}
      />
      <Modal
        open={editing}
        title={t('profile.info.edit')}
        onCancel={() => setEditing(false)}
        onOk={() => form.submit()}
        confirmLoading={update.isPending}
        destroyOnHidden
      >
        <Form<InfoValues>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{
            displayName: me.displayName,
            email: me.email ?? undefined,
            phone: me.phone ?? undefined,
          }}
          onFinish={submit}
        >
          <Form.Item
            name="displayName"
            label={t('user.field.display-name')}
            rules={[{ required: true, whitespace: true, max: 50 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="email" label={t('user.field.email')} rules={[{ type: 'email' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="phone" label={t('user.field.phone')}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
