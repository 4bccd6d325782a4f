/**
 * Sending mail to editors through Strapi's email plugin. Without EMAIL_PROVIDER (development,
 * tests) nothing leaves the machine: the message is logged instead.
 */
import type { Core } from '@strapi/strapi';

export interface EmailMessage {
  to: string[];
  subject: string;
  text: string;
}
export type SendEmail = (message: EmailMessage) => Promise<void>;

export function emailSender(strapi: Core.Strapi): SendEmail {
  return async (m) => {
    if (!process.env.EMAIL_PROVIDER) {
      strapi.log.info(`email not sent (EMAIL_PROVIDER unset) to ${m.to.join(', ')}: ${m.subject}\n${m.text}`);
      return;
    }
    await strapi
      .plugin('email')
      .service('email')
      .send({ to: m.to.join(','), subject: m.subject, text: m.text });
  };
}
