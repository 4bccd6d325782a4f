// A list cell that shows an enumeration value by its label (the content manager shows the raw
// value there, though its forms and filters translate it).
import { Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';

export function ValueCell({ value }: { value: unknown }) {
  const { formatMessage } = useIntl();
  const text = typeof value === 'string' && value !== '' ? formatMessage({ id: value, defaultMessage: value }) : '-';
  return <Typography textColor="neutral800">{text}</Typography>;
}
