import type { InjectionKey } from 'vue';

/**
 * The segment buttons on the chain map by segment id: the view measures them to draw the flows and moves the keyboard
 * focus between them. Boxes register themselves on mount.
 */
export type BoxRegistry = Map<string, HTMLButtonElement>;
export const BOXES: InjectionKey<BoxRegistry> = Symbol('chain-boxes');
