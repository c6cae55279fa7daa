import { describe, expect, it } from 'vitest';
import { addMonths, retentionDue, retentionSchema } from './retention.ts';

const rules = retentionSchema.parse({ notChosenMonths: 12, chosenMonths: 60, backupDays: 30 });
const lastDeadline = new Date('2024-06-25T00:00:00+07:00');

describe('retention', () => {
  it('adds calendar months, clamping the day to the month', () => {
    expect(addMonths(new Date('2024-01-31T00:00:00Z'), 1).toISOString()).toBe(
      '2024-02-29T00:00:00.000Z',
    );
    expect(addMonths(new Date('2024-06-24T17:00:00Z'), 12).toISOString()).toBe(
      '2025-06-24T17:00:00.000Z',
    );
  });

  it('counts from the last round, or from a later submission; chosen ones are kept longer', () => {
    expect(
      retentionDue(
        { status: 'chua-chon', submittedAt: '2024-03-20T10:00:00+07:00' },
        lastDeadline,
        rules,
      ),
    ).toEqual(new Date('2025-06-25T00:00:00+07:00'));
    expect(
      retentionDue(
        { status: 'da-chon', submittedAt: '2024-03-20T10:00:00+07:00' },
        lastDeadline,
        rules,
      ),
    ).toEqual(new Date('2029-06-25T00:00:00+07:00'));
    expect(
      retentionDue(
        { status: 'cho-ra-soat', submittedAt: '2024-08-01T08:00:00+07:00' },
        lastDeadline,
        rules,
      ),
    ).toEqual(new Date('2025-08-01T08:00:00+07:00'));
    expect(
      retentionDue({ status: 'rac', submittedAt: '2024-08-01T08:00:00+07:00' }, null, rules),
    ).toEqual(new Date('2025-08-01T08:00:00+07:00'));
  });

  it('refuses periods that are not whole positive months', () => {
    expect(
      retentionSchema.safeParse({ notChosenMonths: 0, chosenMonths: 60, backupDays: 30 }).success,
    ).toBe(false);
    expect(
      retentionSchema.safeParse({ notChosenMonths: 1.5, chosenMonths: 60, backupDays: 30 }).success,
    ).toBe(false);
  });
});
