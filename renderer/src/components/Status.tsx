import type { AppError } from '../../../shared/api/result';
import { PlainText } from './PlainText';

export function Loading({ what }: { what?: string }) {
  return (
    <div className="status loading" role="status" aria-live="polite">
      Loading{what ? ` ${what}` : ''}…
    </div>
  );
}

/** An engine error as the engine worded it (its message may quote user input: plain text). */
export function ErrorNotice({ error }: { error: AppError }) {
  return (
    <div className="status error" role="alert" data-testid="error" data-code={error.code}>
      <PlainText text={error.message} />
    </div>
  );
}

export function Empty({ children }: { children: string }) {
  return <div className="status empty">{children}</div>;
}
