import { DownloadOutlined, SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Row, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { formatDateTime } from '../../../i18n/format.ts';
import { useT } from '../../../i18n/useT.ts';
import { MapView } from '../../../ui/map/MapView.tsx';
import { PageHeader } from '../../../ui/PageHeader.tsx';
import { useCan } from '../../auth/hooks/useMe.ts';
import { useIncident } from '../hooks/useIncidents.ts';
import { useComputePlan, useLatestPlan, useSavePlan } from '../hooks/usePlanning.ts';
import type { ComputedPlan, FeatureCollection, PlanInput, SavedPlan } from '../types/planning.ts';
import { PlanForm } from './PlanForm.tsx';
import { PlanResultCard } from './PlanResultCard.tsx';
import { initialPlanValues, planValuesOf, toPlanInput } from './plan-form-values.ts';
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
  saved,
}: {
  incidentId: number | null;
  code: string | null;
  lkp: PlanInput['lkp'] | null;
  lkpAt: string | null;
  /** The incident's newest saved plan: the form and the map start from it. */
  saved: { plan: SavedPlan; geojson: FeatureCollection } | null;
}) {
  const t = useT();
  const { message } = App.useApp();
  const canSave = useCan('maritime.manage') && incidentId !== null;
  const compute = useComputePlan();
  const save = useSavePlan(incidentId);
  const [computed, setComputed] = useState<{ input: PlanInput; plan: ComputedPlan } | null>(() =>
    saved ? { input: saved.plan.input, plan: { result: saved.plan.result, geojson: saved.geojson } } : null,
  );
  const [fromSaved, setFromSaved] = useState(saved !== null);
  // Read once: the form keeps its first values, so a later refetch does not undo the user's edits.
  const [initial] = useState(() => (saved ? planValuesOf(saved.plan.input) : initialPlanValues(lkp, lkpAt)));
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
      {saved && fromSaved && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="plan-loaded"
          title={t('planning.loaded', {
            version: saved.plan.version,
            by: saved.plan.createdBy,
            at: formatDateTime(saved.plan.createdAt),
          })}
        />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={8}>
          <Card size="small">
            <PlanForm
              initial={initial}
              computing={compute.isPending}
              extra={extra}
              onCompute={(values) => {
                const input = toPlanInput(values);
                if (input)
                  compute.mutate(input, {
                    onSuccess: (plan) => {
                      setComputed({ input, plan });
                      setFromSaved(false);
                    },
                  });
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
  const latest = useLatestPlan(id);
  if (!incident.data || latest.data === undefined) return <Spin />;
  const i = incident.data;
  return <Planner incidentId={i.id} code={i.code} lkp={i.position} lkpAt={i.alertAt} saved={latest.data} />;
}

export function PlanningView({ incidentId }: { incidentId: number | null }) {
  return incidentId === null ? (
    <Planner incidentId={null} code={null} lkp={null} lkpAt={null} saved={null} />
  ) : (
    <ForIncident id={incidentId} />
  );
}
