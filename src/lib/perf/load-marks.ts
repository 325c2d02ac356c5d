/**
 * User Timing marks along the way from the dataset request to the mounted view. They cost nothing to speak of and let
 * anyone see, in the browser's performance panel or in the benchmark's table (scripts/bench), where a slow first
 * view spends its time.
 */
export const LOAD_PHASES = ['fetched', 'parsed', 'validated', 'state', 'mounted'] as const;
export type LoadPhase = (typeof LOAD_PHASES)[number];

export const loadMarkName = (phase: LoadPhase) => `contact-timeline:${phase}`;

/** Marks the end of a phase of the current load (a retry marks again; readers take the latest). */
export function markLoad(phase: LoadPhase): void {
  performance.mark?.(loadMarkName(phase));
}
