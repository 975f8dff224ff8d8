import { defineComponent, h, onBeforeUnmount, onMounted, ref, watch } from 'vue';
import type { MountedView, ViewModule } from '../context';
import type { ViewId } from '../state';
import { useViewContext } from './context';

/**
 * Temporary bridge while views move to Vue: mounts a plain-DOM view module into the view root, updates it
 * in place when only view parameters change, and mounts it again when the view's shared choice (chain,
 * region, zone) changes — the contract the old hash router gave these modules.
 */
export function legacyView(id: ViewId, mount: ViewModule) {
  return defineComponent({
    name: `Legacy_${id}`,
    setup() {
      const root = ref<HTMLElement | null>(null);
      const ctx = useViewContext();
      let handle: MountedView | null = null;
      let key = '';
      const keyOf = () => {
        const s = ctx.value.state;
        // the region tree may arrive after the view mounted (it loads beside the chain): mount again once it is there
        return [s.chain, s.region, s.zone, ctx.value.regionIndex ? 'regions' : ''].join('|');
      };
      const render = () => {
        const el = root.value;
        if (!el) return;
        const k = keyOf();
        if (handle && k === key && handle.update) {
          handle.update(ctx.value);
          return;
        }
        handle?.destroy?.();
        el.replaceChildren();
        key = k;
        handle = mount(el, ctx.value);
      };
      onMounted(render);
      watch(ctx, render);
      onBeforeUnmount(() => handle?.destroy?.());
      return () => h('div', { ref: root, class: `view view-${id}`, 'data-view': id });
    },
  });
}
