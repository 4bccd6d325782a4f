// The admin speaks English and French: editors pick their language in their profile.
// French labels of the workflow's fields come from one list shared with the server (English labels).
import { frenchAdminTranslations } from '../workflow/admin-labels';

export default {
  config: {
    locales: ['fr'],
    translations: {
      fr: frenchAdminTranslations(),
    },
    // No call from editors' browsers to api.github.com to look for Strapi releases: the admin
    // makes no third-party request (upgrades are the operators' job, see the root README).
    notifications: { releases: false },
  },
  bootstrap() {},
};
