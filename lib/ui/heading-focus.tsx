'use client';

// After a choice made on the page (a pupil, an arrow, a date), the focus goes to the new
// content's heading — never back to the top of the document — so that keyboard and screen
// reader users continue from what they asked for. An arrow keeps the focus (the teacher
// steps through a class with Enter, Enter, Enter…): the new page is a new tree, so the arrow
// pressed is remembered and the same arrow of the new page focused. A page opened from its
// address is left as the browser puts it.
//
// <PageLoaded /> sits in the module's layout, which stays mounted across the module's
// navigations: its effect runs after the first page's own effects, so a HeadingFocus that
// runs before it is on a freshly loaded page, and any later one follows a navigation.
import { useEffect } from 'react';

let loaded = false;
/** The control to focus after the navigation under way (a CSS selector), if any. */
let keepFocusOn: string | null = null;

/** Called by a control whose navigation should leave the focus on it (the arrows). */
export function keepFocusAfterNavigation(selector: string): void {
  keepFocusOn = selector;
}

export function PageLoaded() {
  useEffect(() => {
    loaded = true;
  }, []);
  return null;
}

/** `shown`: what is shown (a pupil and bilan); each change after the page load moves the focus. */
export function HeadingFocus({ headingId, shown }: { headingId: string; shown: string }) {
  useEffect(() => {
    if (!loaded) return;
    const kept = keepFocusOn && document.querySelector<HTMLElement>(keepFocusOn);
    keepFocusOn = null;
    // The same arrow on the new page, unless it is disabled (the class's last pupil).
    if (kept && !kept.matches(':disabled')) {
      kept.focus();
      return;
    }
    const active = document.activeElement;
    if (active instanceof HTMLElement && active.closest('[data-garde-focus]')) return;
    const heading = document.getElementById(headingId);
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
  }, [headingId, shown]);
  return null;
}
