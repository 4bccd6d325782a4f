import { winston, formats } from '@strapi/logger';

// Level from STRAPI_LOG_LEVEL (tests use `error`); JSON lines in production.
const level = process.env.STRAPI_LOG_LEVEL ?? (process.env.NODE_ENV === 'production' ? 'http' : 'info');

export default {
  transports: [
    new winston.transports.Console({
      level,
      format: process.env.NODE_ENV === 'production'
        ? winston.format.combine(winston.format.timestamp(), winston.format.json())
        : winston.format.combine(formats.levelFilter(level), formats.prettyPrint({ timestamps: 'YYYY-MM-DD hh:mm:ss.SSS' })),
    }),
  ],
};
