import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::law-enforcement-protocol.law-enforcement-protocol');
