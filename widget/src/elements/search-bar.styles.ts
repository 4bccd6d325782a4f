import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
  }
  form {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: 0.5rem;
  }
  label {
    flex: 1 1 100%;
    font-weight: 600;
  }
  input {
    flex: 1 1 12rem;
    min-width: 0;
  }
  .error {
    flex: 1 1 100%;
    margin: 0;
    color: var(--rd-error);
    font-weight: 600;
  }
  @media print {
    :host {
      display: none !important;
    }
  }
`;
