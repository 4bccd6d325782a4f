// The admin speaks English and French: editors pick their language in their profile.
export default {
  config: {
    locales: ['fr'],
  },
  bootstrap() {},
};
