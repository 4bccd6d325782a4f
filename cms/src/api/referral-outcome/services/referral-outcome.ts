import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::referral-outcome.referral-outcome');
