/**
 * Steps shared by the desk tours.
 *
 * Counting the taps of a tour: every tap (run: "click") starts with a pointerdown; a label
 * forwarding its click to its checkbox does not add one.
 */
export function startCountingTaps(label) {
    return {
        content: `Start counting the taps: ${label}`,
        trigger: "body",
        run() {
            if (!window.__inclusionDeskTaps) {
                document.addEventListener(
                    "pointerdown",
                    () => window.__inclusionDeskTaps.count++,
                    true
                );
            }
            window.__inclusionDeskTaps = {count: 0};
        },
    };
}

/** The taps counted are exactly those the tour steps make, and within the target. */
export function assertTaps(label, counted, maximum) {
    return {
        content: `${label}: ${counted} taps, at most ${maximum}`,
        trigger: "body",
        run() {
            const taps = window.__inclusionDeskTaps.count;
            if (taps !== counted || taps > maximum) {
                throw new Error(
                    `${label} took ${taps} taps (counted ${counted}, target ${maximum})`
                );
            }
        },
    };
}

/** From the home screen: open the app, then a menu folder, then one of its entries. */
export function openMenu(folderXmlid, entryXmlid) {
    return [
        {
            content: "Open the Digital Inclusion app",
            trigger: '.o_app[data-menu-xmlid="inclusion_numerique.menu_root"]',
            run: "click",
        },
        {
            content: `Open the menu ${folderXmlid}`,
            trigger: `.o_menu_sections [data-menu-xmlid="${folderXmlid}"]`,
            run: "click",
        },
        {
            content: `Open ${entryXmlid}`,
            trigger: `.dropdown-item[data-menu-xmlid="${entryXmlid}"]`,
            run: "click",
        },
    ];
}
