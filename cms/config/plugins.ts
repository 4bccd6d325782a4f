import type { Core } from '@strapi/strapi';

type Env = Core.Config.Shared.ConfigParams['env'];

export default ({ env }: { env: Env }) => ({
  'users-permissions': { config: { jwtSecret: env('JWT_SECRET') } },
  i18n: { enabled: true },
  // Mail goes out only with EMAIL_PROVIDER set (its package installed, e.g. nodemailer); otherwise
  // src/workflow/email.ts logs the message instead of sending it.
  email: {
    config: {
      provider: env('EMAIL_PROVIDER') || 'sendmail',
      providerOptions:
        env('EMAIL_PROVIDER') === 'nodemailer'
          ? {
              host: env('SMTP_HOST'),
              port: env.int('SMTP_PORT', 587),
              secure: env.bool('SMTP_SECURE', false),
              auth: env('SMTP_USERNAME') ? { user: env('SMTP_USERNAME'), pass: env('SMTP_PASSWORD') } : undefined,
            }
          : {},
      settings: {
        defaultFrom: env('EMAIL_FROM') || 'no-reply@localhost',
        defaultReplyTo: env('EMAIL_REPLY_TO') || env('EMAIL_FROM') || 'no-reply@localhost',
      },
    },
  },
});
