import { factories } from '@strapi/strapi';
import { ORGANIZATION } from '../../../content-types';

export default factories.createCoreService(ORGANIZATION);
