import assert from 'node:assert/strict';
import type { Session, TestApp } from '../../../test/harness.ts';

/** Jurisdiction probes of the Open311 interface, used by src/jurisdiction.test.ts. */
export const OPEN311_PROBES: Record<string, (w: { t: TestApp; county: Session }) => Promise<void>> = {
  // Service types are instance-wide: only the root of the tree sets them.
  'PUT /api/hotline/open311/services/{code}': async (w) => {
    const res = await w.t.as(w.county, 'PUT', '/api/hotline/open311/services/0301', { type: 'batch' });
    assert.equal(res.statusCode, 403, res.body);
  },
};

const PUBLIC =
  'public Open311 GeoReport v2: publishes only requests that came through it, without personal data';

export const OPEN311_EXEMPT: Record<string, string> = {
  'GET /open311/v2/discovery.{format}': PUBLIC,
  'GET /open311/v2/services.{format}': 'public Open311 service list: the national category table',
  'GET /open311/v2/services/{service_code}.{format}': 'public Open311 service definition: the category table',
  'POST /open311/v2/requests.{format}': "authenticated by api_key; files into the key owner's own centre",
  'GET /open311/v2/requests.{format}': PUBLIC,
  'GET /open311/v2/requests/{service_request_id}.{format}': PUBLIC,
  'GET /open311/v2/tokens/{token}.{format}': PUBLIC,
};
