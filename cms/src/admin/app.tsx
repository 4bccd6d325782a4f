// The admin speaks English and French: editors pick their language in their profile.
// French labels of the workflow's fields come from one list shared with the server (English labels).
import { frenchAdminTranslations } from '../workflow/admin-labels';

export default {
  config: {
    locales: ['fr'],
    translations: {
      fr: frenchAdminTranslations(),
    },
  },
  bootstrap() {},
};
