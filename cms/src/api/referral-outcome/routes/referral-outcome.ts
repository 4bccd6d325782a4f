import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::referral-outcome.referral-outcome');
