/**
 * The directory has no end-user accounts: nobody registers, logs in or reads users through the
 * content API. Every content-API route of the users-permissions plugin is removed (registration,
 * login, password reset, /users, /roles, /permissions); its admin settings stay. Staff use the
 * admin, and scripts use API tokens (see startup/roles.ts for the registration setting).
 */
interface Plugin {
  routes: Record<string, { routes: unknown[] }>;
}

export default (plugin: Plugin): Plugin => {
  const contentApi = plugin.routes['content-api'];
  if (contentApi) contentApi.routes = [];
  return plugin;
};
