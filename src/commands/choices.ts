/** The ratio and resolution choices our commands offer (a subset of the catalog's, in the order members see). */
import type { Ratio, Resolution } from '../catalog/types.js';
import { choice } from './define.js';

export const RATIO_CHOICES = [
  '16:9',
  '9:16',
  '1:1',
  '4:3',
  '3:4',
  '21:9',
  'adaptive',
] as const satisfies readonly Ratio[];
export const RESOLUTION_CHOICES = ['480p', '720p', '1080p'] as const satisfies readonly Resolution[];

export const ratioChoices = RATIO_CHOICES.map((r) => choice(r));
export const resolutionChoices = RESOLUTION_CHOICES.map((r) => choice(r));
