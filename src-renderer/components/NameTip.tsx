import { useEffect, useMemo, useState, type RefObject } from 'react';
import { Tooltip, TooltipTriggerStateContext } from 'react-aria-components';

/** The element whose hover or keyboard focus shows the tip: the nearest focusable around the name. */
const TRIGGER = 'button, [role="row"], [role="option"], [tabindex]';

/** One tip at a time (as react-aria's TooltipTrigger does): opening one closes the last. */
let closeShown: (() => void) | null = null;

/**
 * The full name of a code in a tooltip where its shown name is cut off
 * (issue 11 §1): codebook tree, margin bars, quick-code chips. It opens while
 * the pointer is over the name's focusable ancestor or that ancestor has the
 * focus, so a keyboard user sees it too; Escape closes it. Nothing shows while
 * the whole name fits. The accessible name of the trigger already carries the
 * full name, so the tip is for the eyes only.
 */
export function NameTip({ nameRef, name }: { nameRef: RefObject<HTMLElement | null>; name: string }) {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const trigger = nameRef.current?.closest<HTMLElement>(TRIGGER);
    if (!trigger) return;
    let hovered = false;
    let focused = false;
    const close = () => setOpen(false);
    const update = () => {
      const el = nameRef.current;
      const show = (hovered || focused) && !!el && el.scrollWidth > el.clientWidth + 1;
      if (show && closeShown !== close) {
        closeShown?.();
        closeShown = close;
      }
      if (!show && closeShown === close) closeShown = null;
      setOpen(show);
    };
    const on = (e: Event) => {
      if (e.type === 'pointerenter') hovered = true;
      else if (e.type === 'pointerleave') hovered = false;
      // Only the trigger's own focus counts (not a button inside a tree row).
      else if (e.type === 'focus') focused = true;
      else if (e.type === 'blur') focused = false;
      else if (e.type === 'keydown' && (e as KeyboardEvent).key === 'Escape') {
        hovered = focused = false;
      }
      update();
    };
    const types = ['pointerenter', 'pointerleave', 'focus', 'blur', 'keydown'] as const;
    for (const type of types) trigger.addEventListener(type, on);
    if (trigger === document.activeElement) on(new Event('focus'));
    return () => {
      for (const type of types) trigger.removeEventListener(type, on);
      if (closeShown === close) closeShown = null;
    };
  }, [nameRef]);
  // The trigger is ours (above), so the tooltip gets its open state directly rather than from a TooltipTrigger.
  const state = useMemo(() => ({ isOpen: true, shouldSkipAnimation: false, open: () => setOpen(true), close: () => setOpen(false) }), []);
  if (!open) return null;
  return (
    <TooltipTriggerStateContext.Provider value={state}>
      <Tooltip triggerRef={nameRef} placement="top" offset={4} className="name-tip">{name}</Tooltip>
    </TooltipTriggerStateContext.Provider>
  );
}
