import type { Rectangle } from 'electron';
import type { DesktopRole } from './role';

export interface DisplayLike {
  id: number;
  label: string;
  bounds: Rectangle;
}

/**
 * Where the lobby display goes: the configured monitor if it is attached, else the first monitor
 * that is not the primary one. A display-only PC has just the TV, so it falls back to the primary;
 * a counter PC with one monitor shows no lobby window at all.
 */
export function pickLobbyDisplay(
  displays: readonly DisplayLike[],
  primaryId: number,
  configuredId: number | null,
  role: DesktopRole,
): DisplayLike | null {
  const configured = displays.find((d) => d.id === configuredId);
  if (configured) return configured;
  const secondary = displays.find((d) => d.id !== primaryId);
  if (secondary) return secondary;
  return role === 'display' ? (displays.find((d) => d.id === primaryId) ?? null) : null;
}

/** What the page may know about the monitors (for a settings screen); no more than labels and sizes. */
export function describeDisplays(displays: readonly DisplayLike[], primaryId: number) {
  return displays.map((d) => ({
    id: d.id,
    label: d.label,
    primary: d.id === primaryId,
    width: d.bounds.width,
    height: d.bounds.height,
  }));
}

export interface LobbyWindow {
  close(): void;
  isDestroyed(): boolean;
  once(event: 'closed', fn: () => void): void;
}

/**
 * Keeps at most one lobby window, on the monitor pickLobbyDisplay chooses. Call sync() at start
 * and on every 'display-added' / 'display-removed': unplugging the TV closes the window,
 * plugging it back in opens it again.
 */
export function lobbyDisplayController(deps: {
  displays: () => readonly DisplayLike[];
  primaryId: () => number;
  configuredId: () => number | null;
  role: DesktopRole;
  open: (display: DisplayLike) => LobbyWindow;
}) {
  let current: { win: LobbyWindow; displayId: number } | null = null;
  let stopped = false;

  const closeCurrent = () => {
    const c = current;
    current = null;
    if (c && !c.win.isDestroyed()) c.win.close();
  };

  return {
    sync(): void {
      if (stopped) return;
      const target = pickLobbyDisplay(deps.displays(), deps.primaryId(), deps.configuredId(), deps.role);
      if (current && (current.win.isDestroyed() || current.displayId !== target?.id)) closeCurrent();
      if (!target || current) return;
      const win = deps.open(target);
      const entry = { win, displayId: target.id };
      current = entry;
      win.once('closed', () => {
        if (current === entry) current = null;
      });
    },
    /** At shutdown: close the window and ignore later monitor events. */
    stop(): void {
      stopped = true;
      closeCurrent();
    },
    get displayId(): number | null {
      return current?.displayId ?? null;
    },
  };
}
