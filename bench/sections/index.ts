// Every benchmark section, in the order of issue 7.
import type { Section } from '../types';
import { doctorParallelSection } from './doctor-parallel';
import { verifyOverheadSection } from './verify-overhead';
import { timeToGreenSection } from './time-to-green';
import { browserColdStartSection } from './browser-cold-start';
import { scaleSection } from './scale';
import { timeoutsSection } from './timeouts';

export const sections: readonly Section[] = [
  doctorParallelSection,
  verifyOverheadSection,
  timeToGreenSection,
  browserColdStartSection,
  scaleSection,
  timeoutsSection,
];
