import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { formatDateTime } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { useVerifyAuditChain } from '../hooks/useAudit.ts';

/** Recomputes the SM3 hash chain on the server and says whether any entry was altered or removed. */
export function AuditChainCard() {
  const t = useT();
  const verify = useVerifyAuditChain();
  const result = verify.data;

  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="audit-chain-card">
      <Flex align="center" gap={16} wrap>
        <Button
          type="primary"
          icon={<SafetyCertificateOutlined />}
          loading={verify.isPending}
          onClick={() => verify.mutate()}
          data-testid="audit-verify"
        >
          {t('audit.chain.verify')}
        </Button>
        <div style={{ flex: 1, minWidth: 240 }} data-testid="audit-verify-result">
          {!result && <Typography.Text type="secondary">{t('audit.chain.hint')}</Typography.Text>}
          {result?.ok && (
            <Alert
              type="success"
              showIcon
              title={t('audit.chain.ok', { count: result.entries })}
              description={t('audit.chain.verified-at', { at: formatDateTime(result.verifiedAt) })}
              data-testid="audit-verify-ok"
            />
          )}
          {result && !result.ok && (
            <Alert
              type="error"
              showIcon
              title={
                result.firstBadSeq === undefined
                  ? t('audit.chain.broken')
                  : t('audit.chain.tampered', { seq: result.firstBadSeq })
              }
              description={[
                result.reason,
                t('audit.chain.verified-at', { at: formatDateTime(result.verifiedAt) }),
              ]
                .filter(Boolean)
                .join(' · ')}
              data-testid="audit-verify-bad"
            />
          )}
        </div>
      </Flex>
    </Card>
  );
}
