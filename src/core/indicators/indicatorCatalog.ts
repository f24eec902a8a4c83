import { directoryIndicators } from './directoryIndicators';
import type { IndicatorDefinition } from './IndicatorDefinition';
import { leaverIndicators } from './leaverIndicators';
import { meansIndicators } from './meansIndicators';
import { nightDeskIndicators } from './nightDeskIndicators';
import { orphanIndicators } from './orphanIndicators';

/** Every indicator of the dashboard, in the order the screen and the report show them. */
export const indicatorCatalog: readonly IndicatorDefinition[] = [...directoryIndicators, ...orphanIndicators, ...meansIndicators, ...leaverIndicators, ...nightDeskIndicators];
