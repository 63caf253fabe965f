/** Errors as the gateway returns them: the message and its `extensions.code`. */
import type { CombinedError } from 'urql';

export function errorCodes(error: CombinedError | undefined): string[] {
  return (error?.graphQLErrors ?? [])
    .map((e) => e.extensions?.code)
    .filter((c): c is string => typeof c === 'string');
}

export function RequestError({ error }: { error: CombinedError | undefined }) {
  if (!error) return null;
  const items = error.graphQLErrors.length
    ? error.graphQLErrors.map((e) => ({
        message: e.message,
        code: typeof e.extensions?.code === 'string' ? e.extensions.code : undefined,
      }))
    : [{ message: error.networkError?.message ?? error.message, code: 'NETWORK' }];
  return (
    <div className="error" role="alert">
      {items.map((e) => (
        <div key={`${e.code}:${e.message}`}>
          {e.code ? <code>{e.code}</code> : null} {e.message}
        </div>
      ))}
    </div>
  );
}
