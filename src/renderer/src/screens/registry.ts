import type { ComponentType } from 'react';
import { CardReadersScreen } from './CardReadersScreen';
import { SearchScreen } from './SearchScreen';
import { ReviewScreen } from './review/ReviewScreen';
import { EnrollmentScreen } from './enrollment/EnrollmentScreen';
import { NightDeskScreen } from './nightdesk/NightDeskScreen';
import { KeysScreen } from './fido/KeysScreen';
import { SourcesScreen } from './sources/SourcesScreen';
import { WorkQueueScreen } from './workqueue/WorkQueueScreen';
import { DashboardScreen } from './dashboard/DashboardScreen';
import { IamLinkScreen } from './iam/IamLinkScreen';
import { JournalScreen } from './journal/JournalScreen';

export interface ScreenDefinition {
  id: string;
  /** i18n key of the navigation label. */
  titleKey: string;
  Component: ComponentType;
}

/** The desk’s screens in navigation order (Alt+1…Alt+9, Alt+0 for the tenth). One line per screen. */
export const screens: ScreenDefinition[] = [
  { id: 'search', titleKey: 'nav.search', Component: SearchScreen },
  { id: 'desk', titleKey: 'enrollment.nav', Component: EnrollmentScreen },
  { id: 'cards', titleKey: 'nav.cards', Component: CardReadersScreen },
  { id: 'nightdesk', titleKey: 'nightdesk.nav', Component: NightDeskScreen },
  { id: 'fido', titleKey: 'fido.nav', Component: KeysScreen },
  { id: 'review', titleKey: 'review.nav', Component: ReviewScreen },
  { id: 'sources', titleKey: 'sources.nav', Component: SourcesScreen },
  { id: 'workqueue', titleKey: 'workqueue.nav', Component: WorkQueueScreen },
  { id: 'dashboard', titleKey: 'dashboard.nav', Component: DashboardScreen },
  { id: 'journal', titleKey: 'journal.nav', Component: JournalScreen },
  { id: 'iam', titleKey: 'scim.nav', Component: IamLinkScreen },
];
