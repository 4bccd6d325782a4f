import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::directory-setting.directory-setting');
