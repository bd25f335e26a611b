import { Alert, Col, Form, Input, Modal, Row, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { describeError } from '../../../api/error-message.ts';
import { useT } from '../../../i18n/useT.ts';
import { periodLabel } from '../model/periods.ts';
import type { LayoutDef } from '../model/types.ts';
import { periodsAround } from './format.ts';
import { useAddVersion } from './hooks.ts';
import { gridOf, LayoutView } from './LayoutView.tsx';
import type { FormAdmin, VersionLayout } from './types.ts';

function parse(text: string): { def: LayoutDef } | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
  const def = json as LayoutDef;
  if (!def || !Array.isArray(def.rows) || !Array.isArray(def.dimensions))
    return { error: 'rows, dimensions' };
  const built = gridOf(def);
  return 'error' in built ? built : { def };
}

/**
 * A new version starts as a copy of the latest one: the layout JSON is edited on the left and
 * previewed on the right as it will be filled; the server checks it again (codes, sums, shading)
 * and refuses a start period already reported with the version in force.
 */
export function NewVersionModal({
  form,
  previous,
  onClose,
}: {
  form: FormAdmin;
  previous: VersionLayout;
  onClose: (createdVersionId?: number) => void;
}) {
  const t = useT();
  const add = useAddVersion(form.id);
  const [text, setText] = useState(() => JSON.stringify(previous.layout, null, 2));
  const periods = useMemo(() => periodsAround(form.periodType, new Date(), 0, 12), [form.periodType]);
  const [fromPeriod, setFromPeriod] = useState<string | undefined>(periods.at(-2));
  const parsed = useMemo(() => parse(text), [text]);

  return (
    <Modal
      open
      width={1200}
      title={t('stats.admin.versions.new-title', { n: previous.version.versionNo + 1 })}
      okText={t('stats.admin.versions.create')}
      okButtonProps={{ disabled: 'error' in parsed || !fromPeriod, 'data-testid': 'version-create' } as never}
      confirmLoading={add.isPending}
      onCancel={() => onClose()}
      onOk={() => {
        if ('error' in parsed || !fromPeriod) return;
        add.mutate({ fromPeriod, layout: parsed.def }, { onSuccess: (v) => onClose(v.id) });
      }}
      destroyOnHidden
    >
      <Form layout="vertical">
        <Form.Item label={t('stats.admin.versions.from-period')} extra={t('stats.admin.versions.from-hint')}>
          <Select
            style={{ width: 260 }}
            value={fromPeriod}
            onChange={setFromPeriod}
            options={[...periods].reverse().map((p) => ({ value: p, label: periodLabel(t, p) }))}
            data-testid="version-from"
          />
        </Form.Item>
      </Form>
      {add.isError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={describeError(t, add.error)}
          data-testid="version-error"
        />
      )}
      <Row gutter={16}>
        <Col span={9}>
          <Typography.Text type="secondary">{t('stats.admin.versions.json-hint')}</Typography.Text>
          <Input.TextArea
            value={text}
            onChange={(e) => setText(e.target.value)}
            spellCheck={false}
            style={{ fontFamily: 'monospace', fontSize: 12, height: 520, marginTop: 4 }}
            data-testid="version-json"
          />
        </Col>
        <Col span={15} style={{ maxHeight: 560, overflow: 'auto' }}>
          {'error' in parsed ? (
            <Alert
              type="warning"
              showIcon
              title={t('stats.admin.versions.json-invalid', { error: parsed.error })}
            />
          ) : (
            <LayoutView def={parsed.def} compact />
          )}
        </Col>
      </Row>
    </Modal>
  );
}
