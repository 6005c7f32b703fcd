import { useRevalidator, useRouteError } from 'react-router-dom';

/** A page whose data could not be loaded: the message, inside the layout, with a way to try again. */
export function PageError() {
  const error = useRouteError();
  const { revalidate, state } = useRevalidator();
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  return (
    <section role="alert">
      <h1>This page could not be loaded</h1>
      <p>{message}</p>
      <button type="button" onClick={() => revalidate()} disabled={state === 'loading'}>
        Try again
      </button>
    </section>
  );
}
