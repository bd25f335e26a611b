import { Alert, Button, Flex, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { describeError } from '../../../api/error-message.ts';
import { useT } from '../../../i18n/useT.ts';
import { checkRule } from './api.ts';
import { useAddRule, useChangeRule } from './hooks.ts';
import type { Importance, MissingValues, Rule, RuleCheck } from './types.ts';

interface Values {
  code: string;
  name: string;
  expression: string;
  importance: Importance;
  message: string;
  missingValues: MissingValues;
}

/** The text with the span the server points at underlined. */
function Pointed({ text, start, end }: { text: string; start: number; end: number }) {
  const to = Math.max(end, start + 1);
  return (
    <Typography.Text code>
      {text.slice(0, start)}
      <mark style={{ background: '#ffccc7' }}>{text.slice(start, to) || ' '}</mark>
      {text.slice(to)}
    </Typography.Text>
  );
}

/**
 * Adds or edits an audit formula. 检查 sends the expression and message to the server, which parses
 * them and checks every cell against the form's latest layout (a template R*… or …C* is expanded
 * over the rows or columns) without saving anything.
 */
export function RuleModal({
  formId,
  rule,
  onClose,
}: {
  formId: number;
  rule: Rule | null;
  onClose: () => void;
}) {
  const t = useT();
  const add = useAddRule(formId);
  const change = useChangeRule(formId);
  const [form] = Form.useForm<Values>();
  const [check, setCheck] = useState<{ result: RuleCheck; expression: string; message: string } | null>(null);
  const [checkError, setCheckError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const save = rule ? change : add;

  const runCheck = async () => {
    const { expression = '', message = '' } = form.getFieldsValue(['expression', 'message']);
    if (!expression.trim()) return;
    setChecking(true);
    setCheckError(null);
    try {
      setCheck({ result: await checkRule(formId, expression, message), expression, message });
    } catch (e) {
      setCheckError(describeError(t, e));
    } finally {
      setChecking(false);
    }
  };

  const onFinish = (v: Values) => {
    const body = {
      name: v.name,
      expression: v.expression,
      importance: v.importance,
      missingValues: v.missingValues,
      message: v.message?.trim() ? v.message : null,
    };
    if (rule) change.mutate({ id: rule.id, ...body }, { onSuccess: onClose });
    else add.mutate({ code: v.code, ...body }, { onSuccess: onClose });
  };

  const result = check?.result;
  return (
    <Modal
      open
      width={760}
      title={rule ? t('stats.admin.rules.edit', { code: rule.code }) : t('stats.admin.rules.add')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'rule-save' } as never}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        onValuesChange={(changed) => {
          if ('expression' in changed || 'message' in changed) setCheck(null);
        }}
        initialValues={
          rule
            ? { ...rule, message: rule.message ?? '' }
            : { importance: 'hard', missingValues: 'skipIfAnyMissing', message: '' }
        }
      >
        <Space align="start" style={{ display: 'flex' }}>
          <Form.Item name="code" label={t('stats.grid.code')} rules={[{ required: true, max: 40 }]}>
            <Input disabled={rule !== null} style={{ width: 140 }} data-testid="rule-code" />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('stats.admin.field.name')}
            rules={[{ required: true, max: 200 }]}
            style={{ flex: 1 }}
          >
            <Input style={{ width: 520 }} data-testid="rule-name" />
          </Form.Item>
        </Space>
        <Form.Item
          name="expression"
          label={t('stats.admin.rules.expression')}
          rules={[{ required: true, max: 4000 }]}
          extra={t('stats.admin.rules.expression-hint')}
        >
          <Input.TextArea
            rows={3}
            spellCheck={false}
            style={{ fontFamily: 'monospace' }}
            data-testid="rule-expression"
          />
        </Form.Item>
        <Form.Item
          name="message"
          label={t('stats.admin.rules.message')}
          extra={t('stats.admin.rules.message-hint')}
        >
          <Input data-testid="rule-message" />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="importance" label={t('stats.admin.rules.importance')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'hard', label: t('stats.admin.importance.hard') },
                { value: 'soft', label: t('stats.admin.importance.soft') },
              ]}
            />
          </Form.Item>
          <Form.Item name="missingValues" label={t('stats.admin.rules.missing')}>
            <Select
              style={{ width: 220 }}
              options={(['skipIfAnyMissing', 'skipIfAllMissing', 'neverSkip'] as const).map((m) => ({
                value: m,
                label: t(`stats.admin.missing.${m}`),
              }))}
            />
          </Form.Item>
        </Space>
      </Form>
      <Flex vertical gap={8}>
        <Button onClick={() => void runCheck()} loading={checking} data-testid="rule-check">
          {t('stats.admin.rules.check')}
        </Button>
        {checkError && <Alert type="error" showIcon title={checkError} />}
        {result && check && (
          <Alert
            data-testid="rule-check-result"
            data-ok={String(result.ok)}
            type={result.ok ? 'success' : 'error'}
            showIcon
            title={
              result.ok
                ? result.template
                  ? t('stats.admin.rules.check-template', {
                      n: result.instances,
                      axis: t(`stats.admin.rules.axis-${result.template}`),
                      version: result.versionNo,
                    })
                  : t('stats.admin.rules.check-ok', {
                      cells: result.cellKeys.join('、') || '—',
                      version: result.versionNo,
                    })
                : result.error?.message
            }
            description={
              result.error && (
                <Pointed
                  text={result.error.field === 'message' ? check.message : check.expression}
                  start={result.error.start}
                  end={result.error.end}
                />
              )
            }
          />
        )}
        {save.isError && (
          <Alert type="error" showIcon title={describeError(t, save.error)} data-testid="rule-error" />
        )}
      </Flex>
    </Modal>
  );
}
