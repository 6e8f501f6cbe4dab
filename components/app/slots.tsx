/**
 * The views other parts of the app provide, in one place: the shell renders them through these slots,
 * so each can be swapped (tests, a future layout) without touching the shell.
 */
import type { VNode } from 'preact';
import type { ItemKind, Stage } from '@/lib/model/types';
import { Capture } from '@/components/capture/Capture';
import { Deck } from '@/components/deck/Deck';
import { SettingsView } from '@/components/settings/SettingsView';
import { SummaryView } from '@/components/summary/SummaryView';

export interface CaptureSlotProps {
  sessionId: string;
  keepNoNotes: boolean;
  focusSignal: number;
  preferKind?: ItemKind;
}

export interface Slots {
  deck(props: { sessionId: string | null; stage?: Stage }): VNode;
  capture(props: CaptureSlotProps): VNode;
  summary(sessionId: string, onClose: () => void): VNode;
  settings(onClose: () => void): VNode;
}

export const DEFAULT_SLOTS: Slots = {
  deck: (props) => <Deck {...props} />,
  capture: (props) => <Capture {...props} />,
  summary: (sessionId, onClose) => <SummaryView sessionId={sessionId} onClose={onClose} />,
  settings: (onClose) => <SettingsView onClose={onClose} />,
};
