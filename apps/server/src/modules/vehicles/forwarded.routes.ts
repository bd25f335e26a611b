import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { offsetOf, Page, toPage } from '../../platform/http/pagination.ts';
import { commonErrors } from '../../platform/http/schemas.ts';
import { requireActor } from '../../platform/identity/actor.ts';
import {
  ForwardedAlarmDto,
  ForwardedAlarmQuery,
  ForwardedRegistrationDto,
  ForwardedRegistrationQuery,
} from './forwarded.schemas.ts';
import { forwardedFilterOf, toForwardedAlarmDto, toForwardedRegistrationDto } from './forwarded.service.ts';
import { listForwardedAlarms, listForwardedRegistrations } from './forwarded-list.repository.ts';

const tags = ['vehicles'];

export const forwardedRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db } = app.platform;

  app.get(
    '/vehicles/forwarded/alarms',
    {
      config: { auth: 'vehicle.read' },
      schema: {
        tags,
        summary:
          'Alarms subordinate platforms reported over JT/T 809 (0x1402) for vehicles in my jurisdiction',
        querystring: ForwardedAlarmQuery,
        response: { 200: Page(ForwardedAlarmDto), ...commonErrors },
      },
    },
    async (request) => {
      const filter = forwardedFilterOf(requireActor(request), request.query);
      const result = await listForwardedAlarms(db, filter, request.query.pageSize, offsetOf(request.query));
      return toPage(result, request.query, toForwardedAlarmDto);
    },
  );

  app.get(
    '/vehicles/forwarded/registrations',
    {
      config: { auth: 'vehicle.read' },
      schema: {
        tags,
        summary:
          'Terminal registrations subordinate platforms reported over JT/T 809 (0x1201) in my jurisdiction',
        querystring: ForwardedRegistrationQuery,
        response: { 200: Page(ForwardedRegistrationDto), ...commonErrors },
      },
    },
    async (request) => {
      const filter = forwardedFilterOf(requireActor(request), request.query);
      const result = await listForwardedRegistrations(
        db,
        filter,
        request.query.pageSize,
        offsetOf(request.query),
      );
      return toPage(result, request.query, toForwardedRegistrationDto);
    },
  );
};
