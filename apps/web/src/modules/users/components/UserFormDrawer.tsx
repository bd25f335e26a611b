import { Button, Drawer, Flex, Form, Input, Select } from 'antd';
import { useT } from '../../../i18n/useT.ts';
import { OrgSelect } from '../../orgs/components/OrgSelect.tsx';
import { ALL_ROLES } from '../../roles/api.ts';
import { useRoleList } from '../../roles/hooks/useRoles.ts';
import { useCreateUser, useUpdateUser } from '../hooks/useUsers.ts';
import type { CreateUserResult, UserDto } from '../types.ts';

interface UserValues {
  username: string;
  displayName: string;
  email?: string;
  phone?: string;
  orgUnitId: number;
  roles: string[];
  password?: string;
}

export interface UserFormDrawerProps {
  open: boolean;
  /** null creates a new user. */
  user: UserDto | null;
  onClose: () => void;
  onCreated: (result: CreateUserResult) => void;
}

const blankToUndefined = (value: string | undefined): string | undefined =>
  value?.trim() ? value.trim() : undefined;

export function UserFormDrawer({ open, user, onClose, onCreated }: UserFormDrawerProps) {
  const t = useT();
  const [form] = Form.useForm<UserValues>();
  const roles = useRoleList(ALL_ROLES);
  const create = useCreateUser();
  const update = useUpdateUser();

  const submit = (values: UserValues) => {
    const common = {
      displayName: values.displayName.trim(),
      orgUnitId: values.orgUnitId,
      roles: values.roles ?? [],
    };
    if (user) {
      const input = {
        ...common,
        email: blankToUndefined(values.email) ?? null,
        phone: blankToUndefined(values.phone) ?? null,
      };
      update.mutate({ id: user.id, input }, { onSuccess: onClose });
      return;
    }
    const input = {
      ...common,
      username: values.username.trim(),
      email: blankToUndefined(values.email),
      phone: blankToUndefined(values.phone),
      password: values.password || undefined,
    };
    create.mutate(input, {
      onSuccess: (result) => {
        onClose();
        onCreated(result);
      },
    });
  };

  return (
    <Drawer
      open={open}
      title={user ? t('user.edit') : t('user.create')}
      size={480}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={create.isPending || update.isPending}
            onClick={() => form.submit()}
            data-testid="user-form-submit"
          >
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <Form<UserValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          user ? { ...user, email: user.email ?? undefined, phone: user.phone ?? undefined } : { roles: [] }
        }
        onFinish={submit}
        data-testid="user-form"
      >
        <Form.Item
          name="username"
          label={t('user.field.username')}
          extra={user ? undefined : t('user.field.username-hint')}
          rules={[
            { required: true, pattern: /^[a-zA-Z0-9._-]{3,40}$/, message: t('user.field.username-hint') },
          ]}
        >
          <Input disabled={user !== null} autoComplete="off" data-testid="user-form-username" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('user.field.display-name')}
          rules={[{ required: true, whitespace: true, max: 50 }]}
        >
          <Input data-testid="user-form-display-name" />
        </Form.Item>
        <Form.Item name="orgUnitId" label={t('user.field.org')} rules={[{ required: true }]}>
          <OrgSelect initialLabel={user?.orgName} testId="user-form-org" />
        </Form.Item>
        <Form.Item name="roles" label={t('user.field.roles')}>
          <Select<string[]>
            mode="multiple"
            loading={roles.isPending}
            options={(roles.data?.items ?? []).map((r) => ({ value: r.code, label: r.name }))}
            data-testid="user-form-roles"
          />
        </Form.Item>
        <Form.Item name="email" label={t('user.field.email')} rules={[{ type: 'email' }]}>
          <Input data-testid="user-form-email" />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('user.field.phone')}
          rules={[{ pattern: /^[0-9+\-\s]{5,20}$/, message: t('user.field.phone-invalid') }]}
        >
          <Input data-testid="user-form-phone" />
        </Form.Item>
        {!user && (
          <Form.Item
            name="password"
            label={t('user.field.initial-password')}
            extra={t('user.field.initial-password-hint')}
          >
            <Input.Password autoComplete="new-password" data-testid="user-form-password" />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
