/**
 * Scheduled jobs. Cron runs only where CRON_ENABLED=true (config/server.ts), so exactly one
 * instance of a scaled deployment owns them.
 */
import type { Core } from '@strapi/strapi';
import { runReviewJob } from '../src/workflow/review-job';

export default {
  /** Every morning: records due or overdue for review, mailed to the directory editors. */
  reviewReminders: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      try {
        await runReviewJob(strapi);
      } catch (error: unknown) {
        strapi.log.error(`review job failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    options: {
      rule: process.env.REVIEW_JOB_RULE || '0 0 7 * * *',
      tz: process.env.DIRECTORY_TIME_ZONE || 'America/Toronto',
    },
  },
};
