// Event names as the desktop shell uses them: the contract's Events (which include
// 'deeplink.import'), plus which of them the preload keeps until the renderer subscribes.
import { eventNames, type Events } from '../common/contract';

export type DeepLinkImport = Events['deeplink.import'];
export type AppEvents = Events;
export type AppEventName = keyof AppEvents;

export const appEventNames: readonly AppEventName[] = eventNames;

/**
 * Events the preload keeps until the renderer subscribes. A deep link can arrive before React
 * has mounted the component that listens for it; progress events are useless late and are not kept.
 */
export const stickyEventNames: readonly AppEventName[] = ['deeplink.import'];
