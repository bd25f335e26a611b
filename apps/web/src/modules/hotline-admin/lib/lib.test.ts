import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { diffLines } from './line-diff.ts';

describe('version diff', () => {
  test('an edited line is removed and added, the rest kept', () => {
    assert.deepEqual(diffLines('一\n二\n三', '一\n二改\n三\n四'), [
      { op: 'same', text: '一' },
      { op: 'removed', text: '二' },
      { op: 'added', text: '二改' },
      { op: 'same', text: '三' },
      { op: 'added', text: '四' },
    ]);
  });

  test('the kept and removed lines are the old text, the kept and added ones the new', () => {
    const lines = fc.array(fc.constantFrom('甲', '乙', '丙', '丁', ''), { maxLength: 30 });
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const d = diffLines(a.join('\n'), b.join('\n'));
        assert.equal(
          d
            .filter((l) => l.op !== 'added')
            .map((l) => l.text)
            .join('\n'),
          a.join('\n'),
        );
        assert.equal(
          d
            .filter((l) => l.op !== 'removed')
            .map((l) => l.text)
            .join('\n'),
          b.join('\n'),
        );
      }),
    );
  });
});
