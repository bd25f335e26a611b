import { CheckCircleOutlined, CloseCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Card, Flex, Input, List, Tag, Typography } from 'antd';
import { useT } from '../../../i18n/useT.ts';
import type { Grid } from '../model/layout.ts';
import type { RuleFailure } from '../model/types.ts';

export interface RulePanelProps {
  failures: readonly RuleFailure[];
  grid: Grid;
  /** Explanations of soft failures by rule id: editable while the report can be submitted. */
  explanations: Readonly<Record<string, string>>;
  onExplain?: (ruleId: string, text: string) => void;
  onShowCell: (key: string) => void;
}

/** The audit formulas (审核公式) that fail on the figures as saved: hard ones block, soft ones need 说明. */
export function RulePanel({ failures, grid, explanations, onExplain, onShowCell }: RulePanelProps) {
  const t = useT();
  const hard = failures.filter((f) => f.importance === 'hard');
  const soft = failures.filter((f) => f.importance === 'soft');
  return (
    <Card
      size="small"
      data-testid="rule-panel"
      title={
        <Flex gap={8} align="center">
          {t('stats.rules.title')}
          {failures.length === 0 ? (
            <Tag color="success" icon={<CheckCircleOutlined />} data-testid="rules-ok">
              {t('stats.rules.all-passed')}
            </Tag>
          ) : (
            <>
              {hard.length > 0 && <Tag color="error">{t('stats.rules.hard-count', { n: hard.length })}</Tag>}
              {soft.length > 0 && (
                <Tag color="warning">{t('stats.rules.soft-count', { n: soft.length })}</Tag>
              )}
            </>
          )}
        </Flex>
      }
    >
      {failures.length === 0 ? (
        <Typography.Text type="secondary">{t('stats.rules.none-failing')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={[...hard, ...soft]}
          renderItem={(f) => (
            <List.Item
              data-testid={`rule-${f.ruleId}`}
              data-importance={f.importance}
              style={{ display: 'block' }}
            >
              <Flex gap={8} align="start">
                {f.importance === 'hard' ? (
                  <CloseCircleOutlined style={{ color: '#ff4d4f', marginTop: 4 }} />
                ) : (
                  <ExclamationCircleOutlined style={{ color: '#faad14', marginTop: 4 }} />
                )}
                <div style={{ flex: 1 }}>
                  <Typography.Text strong>
                    {f.importance === 'hard' ? t('stats.rules.hard') : t('stats.rules.soft')}
                  </Typography.Text>{' '}
                  <Typography.Text data-testid="rule-message">{f.message}</Typography.Text>
                  <div>
                    {f.cells.slice(0, 8).map((key) => (
                      <Tag
                        key={key}
                        style={{ cursor: 'pointer', marginTop: 4 }}
                        onClick={() => onShowCell(key)}
                      >
                        {grid.byKey.get(key)?.address ?? key}
                      </Tag>
                    ))}
                  </div>
                  {f.importance === 'soft' &&
                    (onExplain ? (
                      <Input.TextArea
                        data-testid={`explain-${f.ruleId}`}
                        rows={2}
                        maxLength={2000}
                        style={{ marginTop: 6 }}
                        placeholder={t('stats.rules.explain-placeholder')}
                        value={explanations[f.ruleId] ?? ''}
                        onChange={(e) => onExplain(f.ruleId, e.target.value)}
                      />
                    ) : (
                      explanations[f.ruleId] && (
                        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
                          {t('stats.rules.explained')}：{explanations[f.ruleId]}
                        </Typography.Paragraph>
                      )
                    ))}
                </div>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
