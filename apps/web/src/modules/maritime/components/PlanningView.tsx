import { DownloadOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Card, Col, Row, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { useT } from '../../../i18n/useT.ts';
import { MapView } from '../../../ui/map/MapView.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useCan } from '../../auth/hooks/useMe.ts';
import { useIncident } from '../hooks/useIncidents.ts';
import { useComputePlan, useSavePlan } from '../hooks/usePlanning.ts';
import type { ComputedPlan, PlanInput } from '../types/planning.ts';
import { PlanForm } from './PlanForm.tsx';
import { PlanResultCard } from './PlanResultCard.tsx';
import { initialPlanValues, toPlanInput } from './plan-form-values.ts';
import { planLayers } from './plan-layers.ts';

function download(name: string, geojson: ComputedPlan['geojson']) {
  const blob = new Blob([JSON.stringify(geojson, null, 2)], { type: 'application/geo+json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Search planning: inputs, the computed datum, area and pattern on the map; save to an incident, export GeoJSON. */
function Planner({
  incidentId,
  code,
  lkp,
  lkpAt,
}: {
  incidentId: number | null;
  code: string | null;
  lkp: PlanInput['lkp'] | null;
  lkpAt: string | null;
}) {
  const t = useT();
  const { message } = App.useApp();
  const canSave = useCan('maritime.manage') && incidentId !== null;
  const compute = useComputePlan();
  const save = useSavePlan(incidentId);
  const [computed, setComputed] = useState<{ input: PlanInput; plan: ComputedPlan } | null>(null);
  const initial = useMemo(() => initialPlanValues(lkp, lkpAt), [lkp, lkpAt]);
  const layers = useMemo(
    () => (computed ? planLayers(computed.input, computed.plan.result, t) : null),
    [computed, t],
  );

  const extra = computed && (
    <>
      <Button
        icon={<DownloadOutlined />}
        onClick={() => download(`${code ?? 'search-plan'}.geojson`, computed.plan.geojson)}
        data-testid="plan-download"
      >
        {t('planning.download')}
      </Button>
      {canSave && (
        <Button
          icon={<SaveOutlined />}
          loading={save.isPending}
          onClick={() =>
            save.mutate(computed.input, {
              onSuccess: (p) => message.success(t('planning.saved', { version: p.version })),
            })
          }
          data-testid="plan-save"
        >
          {t('planning.save')}
        </Button>
      )}
    </>
  );

  return (
    <>
      <PageHeader
        title={t('nav.maritime-planning')}
        subtitle={code ? t('planning.for-incident', { code }) : t('planning.subtitle')}
      />
      <Row gutter={16}>
        <Col xs={24} xl={8}>
          <Card size="small">
            <PlanForm
              initial={initial}
              computing={compute.isPending}
              extra={extra}
              onCompute={(values) => {
                const input = toPlanInput(values);
                if (input) compute.mutate(input, { onSuccess: (plan) => setComputed({ input, plan }) });
              }}
            />
          </Card>
        </Col>
        <Col xs={24} xl={16}>
          <Card size="small" styles={{ body: { padding: 8 } }}>
            <MapView
              points={layers?.points}
              lines={layers?.lines}
              polygons={layers?.polygons}
              fit={layers?.fit}
              height={560}
              testId="plan-map"
            />
          </Card>
          {computed && (
            <Card size="small" title={t('planning.result')} style={{ marginTop: 16 }}>
              <PlanResultCard result={computed.plan.result} />
            </Card>
          )}
        </Col>
      </Row>
    </>
  );
}

function ForIncident({ id }: { id: number }) {
  const incident = useIncident(id);
  if (!incident.data) return <Spin />;
  const i = incident.data;
  return <Planner incidentId={i.id} code={i.code} lkp={i.position} lkpAt={i.alertAt} />;
}

export function PlanningView({ incidentId }: { incidentId: number | null }) {
  return incidentId === null ? (
    <Planner incidentId={null} code={null} lkp={null} lkpAt={null} />
  ) : (
    <ForIncident id={incidentId} />
  );
}
