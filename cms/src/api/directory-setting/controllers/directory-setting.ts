import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::directory-setting.directory-setting');
