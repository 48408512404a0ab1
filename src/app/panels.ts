/**
 * The page's panels, by the names links use (`hide=race,history`). Present
 * mode and the address layer both refer to panels by these ids.
 */
export const PANEL_IDS = ['settings', 'training', 'loss', 'range', 'race', 'history', 'evaluation', 'inside', 'draw', 'models', 'rotation'] as const;
export type PanelId = (typeof PANEL_IDS)[number];

export const isPanelId = (s: string): s is PanelId => (PANEL_IDS as readonly string[]).includes(s);
