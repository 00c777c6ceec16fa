import { describe, expect, it, vi } from 'vitest';
import { describeDisplays, lobbyDisplayController, pickLobbyDisplay, type DisplayLike } from './displays';

const screen1: DisplayLike = { id: 1, label: 'Laptop', bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
const tv: DisplayLike = { id: 2, label: 'TV', bounds: { x: 1920, y: 0, width: 3840, height: 2160 } };
const tv2: DisplayLike = { id: 3, label: 'TV 2', bounds: { x: 5760, y: 0, width: 1920, height: 1080 } };

describe('pickLobbyDisplay', () => {
  it('uses the second monitor when one is attached', () => {
    expect(pickLobbyDisplay([screen1, tv], 1, null, 'hub')).toBe(tv);
  });
  it('prefers the configured monitor while it is attached', () => {
    expect(pickLobbyDisplay([screen1, tv, tv2], 1, 3, 'terminal')).toBe(tv2);
    expect(pickLobbyDisplay([screen1, tv], 1, 3, 'terminal')).toBe(tv);
  });
  it('shows nothing on a counter PC with one monitor', () => {
    expect(pickLobbyDisplay([screen1], 1, null, 'terminal')).toBeNull();
  });
  it('uses the only monitor of a display-only PC', () => {
    expect(pickLobbyDisplay([screen1], 1, null, 'display')).toBe(screen1);
  });
});

function fakeWindow() {
  let closedFn: (() => void) | null = null;
  let destroyed = false;
  return {
    close: vi.fn(() => {
      destroyed = true;
      closedFn?.();
    }),
    isDestroyed: () => destroyed,
    once: (_e: 'closed', fn: () => void) => {
      closedFn = fn;
    },
  };
}

describe('lobbyDisplayController', () => {
  function setup(role: 'hub' | 'display' = 'hub') {
    let attached: DisplayLike[] = [screen1, tv];
    const opened: { display: number; win: ReturnType<typeof fakeWindow> }[] = [];
    const ctl = lobbyDisplayController({
      displays: () => attached,
      primaryId: () => 1,
      configuredId: () => null,
      role,
      open: (d) => {
        const win = fakeWindow();
        opened.push({ display: d.id, win });
        return win;
      },
    });
    return { ctl, opened, attach: (ds: DisplayLike[]) => (attached = ds) };
  }

  it('opens once on the TV and does not reopen on unrelated events', () => {
    const { ctl, opened } = setup();
    ctl.sync();
    ctl.sync();
    expect(opened.map((o) => o.display)).toEqual([2]);
    expect(ctl.displayId).toBe(2);
  });

  it('closes when the TV is unplugged and reopens when it comes back', () => {
    const { ctl, opened, attach } = setup();
    ctl.sync();
    attach([screen1]); // 'display-removed'
    ctl.sync();
    expect(opened[0]?.win.close).toHaveBeenCalled();
    expect(ctl.displayId).toBeNull();
    attach([screen1, tv]); // 'display-added'
    ctl.sync();
    expect(opened.map((o) => o.display)).toEqual([2, 2]);
  });

  it('moves to another monitor when the chosen one changes', () => {
    const { ctl, opened, attach } = setup();
    ctl.sync();
    attach([screen1, tv2]);
    ctl.sync();
    expect(opened.map((o) => o.display)).toEqual([2, 3]);
    expect(opened[0]?.win.close).toHaveBeenCalled();
  });

  it('reopens a window someone closed by hand at the next monitor event', () => {
    const { ctl, opened } = setup();
    ctl.sync();
    opened[0]?.win.close();
    ctl.sync();
    expect(opened).toHaveLength(2);
  });

  it('after stop(), closes the window and ignores monitor events', () => {
    const { ctl, opened, attach } = setup();
    ctl.sync();
    ctl.stop();
    expect(opened[0]?.win.close).toHaveBeenCalled();
    attach([screen1, tv2]);
    ctl.sync();
    expect(opened).toHaveLength(1);
  });
});

describe('describeDisplays', () => {
  it('tells the page labels, sizes and which is primary; nothing else', () => {
    expect(describeDisplays([screen1, tv], 1)).toEqual([
      { id: 1, label: 'Laptop', primary: true, width: 1920, height: 1080 },
      { id: 2, label: 'TV', primary: false, width: 3840, height: 2160 },
    ]);
  });
});
