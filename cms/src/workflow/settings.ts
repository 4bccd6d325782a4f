/** The workflow's tunables, read from the environment at each use (tests and ops may change them). */
import { DEFAULT_TIME_ZONE } from './dates';

export interface WorkflowSettings {
  /** Months between reviews, and the window in which failed contact attempts count. */
  reviewIntervalMonths: number;
  /** Failed contact attempts (none reached since) that make a record unreachable. */
  unreachableAttempts: number;
  /** Whether an unreachable active record is suspended, not only flagged. */
  suspendUnreachable: boolean;
  /** The time zone whose calendar day is "today". */
  timeZone: string;
}

const positiveInt = (value: string | undefined, fallback: number): number => {
  const n = Number(value);
  return value != null && value.trim() !== '' && Number.isInteger(n) && n > 0 ? n : fallback;
};

export function workflowSettings(env: NodeJS.ProcessEnv = process.env): WorkflowSettings {
  return {
    reviewIntervalMonths: positiveInt(env.REVIEW_INTERVAL_MONTHS, 12),
    unreachableAttempts: positiveInt(env.UNREACHABLE_ATTEMPTS, 3),
    suspendUnreachable: env.SUSPEND_UNREACHABLE === 'true',
    timeZone: env.DIRECTORY_TIME_ZONE || DEFAULT_TIME_ZONE,
  };
}
