// The admin speaks English and French: editors pick their language in their profile.
// French labels of the workflow's fields come from one list shared with the server (English labels);
// enumeration values and booleans read as words in both languages.
import { Bell, Phone } from '@strapi/icons';
import type { StrapiApp } from '@strapi/strapi/admin';
import { englishAdminTranslations, frenchAdminTranslations } from '../workflow/admin-labels';
import { BilingualPanel } from './components/BilingualPanel';
import { HistoryPanel } from './components/HistoryPanel';
import { KeepValuesOnRefusal } from './components/KeepValuesOnRefusal';
import { labelledColumns } from './components/listColumns';
import { PROVINCES_FIELD } from '../workflow/provinces-field';
import { isRecord } from '../workflow/values';
import { CONSOLE_MENU_ID, CONSOLE_MENU_LABEL } from './console/labels';
import { CONSOLE_READ } from '../console/permissions';

export default {
  config: {
    locales: ['fr'],
    translations: {
      en: { ...englishAdminTranslations(), [CONSOLE_MENU_ID]: CONSOLE_MENU_LABEL.en },
      fr: { ...frenchAdminTranslations(), [CONSOLE_MENU_ID]: CONSOLE_MENU_LABEL.fr },
    },
    // No call from editors' browsers to api.github.com to look for Strapi releases: the admin
    // makes no third-party request (upgrades are the operators' job, see the root README).
    notifications: { releases: false },
  },
  register(app: StrapiApp) {
    // An application's provinces, chosen by name (workflow/provinces-field.ts).
    app.customFields.register({
      ...PROVINCES_FIELD,
      intlLabel: { id: 'directory.field.provinces', defaultMessage: 'Provinces and territories' },
      intlDescription: { id: 'directory.field.provinces.hint', defaultMessage: 'Provinces and territories, by name' },
      components: { Input: async () => import('./components/ProvincesInput') },
    });
    // The editors' work queue first on the home page, for whoever may read organizations.
    app.widgets.register((widgets) => [
      {
        id: 'work-queue',
        icon: Bell,
        title: { id: 'directory.widget.work-queue', defaultMessage: 'Work queue' },
        component: async () => (await import('./components/WorkQueueWidget')).WorkQueueWidget,
        permissions: [{ action: 'plugin::content-manager.explorer.read', subject: 'api::organization.organization' }],
      },
      ...widgets,
    ]);
    // The hotline's referral console (src/admin/console, API in src/console), for whoever holds its permission.
    app.addMenuLink({
      to: 'referral-console',
      icon: Phone,
      intlLabel: { id: CONSOLE_MENU_ID, defaultMessage: CONSOLE_MENU_LABEL.en },
      Component: () => import('./console/ConsolePage'),
      permissions: [{ action: CONSOLE_READ, subject: null }],
    });
  },
  bootstrap(app: StrapiApp) {
    app.registerHook('Admin/CM/pages/ListView/inject-column-in-table', labelledColumns);
    // The plugin's APIs are typed `unknown` on the app; the content manager's own type is a class.
    const contentManager: unknown = app.getPlugin('content-manager').apis;
    if (isRecord(contentManager) && typeof contentManager.addEditViewSidePanel === 'function') {
      contentManager.addEditViewSidePanel([BilingualPanel, HistoryPanel]);
    }
    if (isRecord(contentManager) && typeof contentManager.addDocumentHeaderAction === 'function') {
      contentManager.addDocumentHeaderAction([KeepValuesOnRefusal]);
    }
  },
};
