import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { notFound } from '../../platform/http/errors.ts';
import { offsetOf, Page, toPage } from '../../platform/http/pagination.ts';
import { commonErrors, IdParams } from '../../platform/http/schemas.ts';
import { auditContextOf, requireActor } from '../../platform/identity/actor.ts';
import { countAlarmsByKind, listAlarms } from './alarms.repository.ts';
import {
  AlarmActionBody,
  AlarmCountQuery,
  AlarmCountsDto,
  AlarmDetailDto,
  AlarmDto,
  AlarmListQuery,
  AlarmSettingBody,
  AlarmSettingDto,
} from './alarms.schemas.ts';
import {
  actOnAlarm,
  alarmDetail,
  alarmFilterOf,
  alarmSettingOf,
  changeAlarmSetting,
  toAlarmDto,
} from './alarms.service.ts';
import type { AlarmAction } from './alarms.workflow.ts';
import { findVehicleInScope } from './vehicles.repository.ts';

const tags = ['vehicles'];

const ACTIONS: readonly { action: AlarmAction; summary: string }[] = [
  { action: 'acknowledge', summary: 'Acknowledge an alarm (seen, being looked at)' },
  { action: 'handle', summary: 'Start handling an alarm, with an optional note of what is being done' },
  { action: 'close', summary: 'Close an alarm; the handling note is required' },
];

export const alarmsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { db, clock } = app.platform;

  app.get(
    '/vehicles/alarms',
    {
      config: { auth: 'vehicle.read' },
      schema: {
        tags,
        summary: 'Alarms of vehicles in my jurisdiction, newest first',
        querystring: AlarmListQuery,
        response: { 200: Page(AlarmDto), ...commonErrors },
      },
    },
    async (request) => {
      const filter = alarmFilterOf(requireActor(request), request.query);
      const result = await listAlarms(db, filter, request.query.pageSize, offsetOf(request.query));
      return toPage(result, request.query, toAlarmDto);
    },
  );

  app.get(
    '/vehicles/alarms/counts',
    {
      config: { auth: 'vehicle.read' },
      schema: {
        tags,
        summary: 'Alarm counts by kind and level in my jurisdiction, for the alarm board',
        querystring: AlarmCountQuery,
        response: { 200: AlarmCountsDto, ...commonErrors },
      },
    },
    async (request) => {
      const byKind = await countAlarmsByKind(db, alarmFilterOf(requireActor(request), request.query));
      return { total: byKind.reduce((n, r) => n + r.count, 0), byKind };
    },
  );

  app.get(
    '/vehicles/alarms/:id',
    {
      config: { auth: 'vehicle.read' },
      schema: {
        tags,
        summary: 'One alarm with its handling history and the actions open to me',
        params: IdParams,
        response: { 200: AlarmDetailDto, ...commonErrors },
      },
    },
    async (request) => alarmDetail(db, requireActor(request), request.params.id),
  );

  for (const { action, summary } of ACTIONS)
    app.post(
      `/vehicles/alarms/:id/${action}`,
      {
        config: { auth: 'vehicle.alarm.handle' },
        schema: {
          tags,
          summary,
          params: IdParams,
          body: AlarmActionBody,
          response: { 200: AlarmDto, ...commonErrors },
        },
      },
      async (request) => {
        const row = await db
          .transaction()
          .execute((trx) =>
            actOnAlarm(
              trx,
              auditContextOf(request),
              requireActor(request),
              request.params.id,
              action,
              request.body.note,
              clock.now(),
            ),
          );
        return toAlarmDto(row);
      },
    );

  app.get(
    '/vehicles/:id/alarm-setting',
    {
      config: { auth: 'vehicle.read' },
      schema: {
        tags,
        summary: "A vehicle's speed limit for platform overspeed alarms",
        params: IdParams,
        response: { 200: AlarmSettingDto, ...commonErrors },
      },
    },
    async (request) => {
      const vehicle = await findVehicleInScope(db, request.params.id, requireActor(request).orgPath);
      if (!vehicle) throw notFound(`vehicle ${request.params.id}`);
      return alarmSettingOf(db, vehicle);
    },
  );

  app.put(
    '/vehicles/:id/alarm-setting',
    {
      config: { auth: 'vehicle.manage' },
      schema: {
        tags,
        summary: "Set a vehicle's own speed limit (null: its type's); applies from its next connection",
        params: IdParams,
        body: AlarmSettingBody,
        response: { 200: AlarmSettingDto, ...commonErrors },
      },
    },
    async (request) =>
      db.transaction().execute(async (trx) => {
        const vehicle = await findVehicleInScope(trx, request.params.id, requireActor(request).orgPath);
        if (!vehicle) throw notFound(`vehicle ${request.params.id}`);
        return changeAlarmSetting(
          trx,
          auditContextOf(request),
          vehicle,
          request.body.speedLimit,
          clock.now(),
        );
      }),
  );
};
