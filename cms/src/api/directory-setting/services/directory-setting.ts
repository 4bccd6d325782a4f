import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::directory-setting.directory-setting');
