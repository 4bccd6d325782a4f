import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::law-enforcement-protocol.law-enforcement-protocol');
