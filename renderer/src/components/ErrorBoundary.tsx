import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorNotice } from './Status';

/** A view that crashes shows its error instead of blanking the whole app. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: Error | undefined }> {
  override state = { error: undefined as Error | undefined };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  override render() {
    if (this.state.error) return <ErrorNotice error={{ code: 'internal', message: `This view failed: ${this.state.error.message}` }} />;
    return this.props.children;
  }
}
