import type { statsFlowZhCN } from './stats-flow.zh-CN.ts';

export const statsFlowEnUS: Record<keyof typeof statsFlowZhCN, string> = {
  'nav.stats-rule-runs': 'Batch audit',
  'nav.stats-review-skips': 'Review levels',
  'permission.stats.chain.manage': 'Set report review levels (skipping a level)',

  'stats.analytics.rows.children': 'Units below',
  'stats.analytics.rows.province': 'Provinces',
  'stats.analytics.rows.city': 'Cities',
  'stats.analytics.rows.county': 'Counties',

  'stats.rule-runs.subtitle':
    'Run the audit formulas of a period over every expected report in my jurisdiction (or below a unit)',
  'stats.rule-runs.scope': 'Scope',
  'stats.rule-runs.start': 'Start batch audit',
  'stats.rule-runs.last': 'Batch audits of this period',
  'stats.rule-runs.progress': '{done} of {total} units checked',
  'stats.rule-runs.state.queued': 'Queued',
  'stats.rule-runs.state.running': 'Running',
  'stats.rule-runs.state.done': 'Done',
  'stats.rule-runs.state.failed': 'Failed',
  'stats.rule-runs.summary': '{hard} hard and {soft} soft failures',
  'stats.rule-runs.none': 'No batch audit for this period yet',
  'stats.rule-runs.all-importance': 'All failures',
  'stats.rule-runs.unit-filter': 'Filter by unit',
  'stats.rule-runs.rule': 'Formula',
  'stats.rule-runs.importance': 'Importance',
  'stats.rule-runs.hard': 'Hard',
  'stats.rule-runs.soft': 'Soft',
  'stats.rule-runs.left': 'Left',
  'stats.rule-runs.right': 'Right',
  'stats.rule-runs.message': 'Message',
  'stats.rule-runs.cells': 'Cells',
  'stats.rule-runs.open': 'Open report',

  'stats.review-skips.subtitle':
    'Reports that go past a review level: a city that does not review, a county reporting to the province',
  'stats.review-skips.unit': 'Unit',
  'stats.review-skips.level': 'Level skipped',
  'stats.review-skips.from': 'From period (e.g. 202701)',
  'stats.review-skips.until': 'Until period (optional)',
  'stats.review-skips.periods': 'Periods',
  'stats.review-skips.open': 'open',
  'stats.review-skips.reason': 'Reason',
  'stats.review-skips.add': 'Skip a level',
  'stats.review-skips.clear': 'Restore',
  'stats.review-skips.clear-confirm': "The unit's reports go through this level again",
  'stats.review-skips.empty': 'No level is skipped for this form in my jurisdiction',
  'stats.review-skips.hint':
    'On a city, skipping the city level: the city does not review and its counties report to the province; on a county: the county reports to the province',
  'stats.review-skips.set-at': 'Set at',
};
