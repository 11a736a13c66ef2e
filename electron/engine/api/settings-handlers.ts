import type { SETTINGS_METHODS } from '../../../shared/api/methods/settings';
import type { ReviewSession } from '../review-session';
import type { HandlerGroup } from './handlers';

export function settingsHandlers(review: ReviewSession): HandlerGroup<keyof typeof SETTINGS_METHODS> {
  return {
    getSettings: () => review.settings.get(),
    saveSettings: (change) => review.settings.save(change),
  };
}
