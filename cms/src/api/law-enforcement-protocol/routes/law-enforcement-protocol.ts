import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::law-enforcement-protocol.law-enforcement-protocol');
