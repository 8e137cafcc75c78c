import {
    assertTaps,
    openMenu,
    startCountingTaps,
} from "@inclusion_numerique/../tests/tours/desk_tour_utils";
import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("inclusion_numerique_workshop_roll_call_taps", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        startCountingTaps("roll call of 10"),
        // The roll call lands on today's session: no list to go through.
        ...openMenu(
            "inclusion_numerique_workshop.menu_workshop_root",
            "inclusion_numerique_workshop.menu_workshop_roll_call"
        ),
        {
            content: "Everyone is present",
            trigger: 'button[name=action_all_present]:contains("Tous présents")',
            run: "click",
        },
        {
            content: "Ten are present",
            trigger: '.o_field_widget[name=present_count]:contains("10")',
        },
        {
            content: "Exception: Bruno is absent",
            trigger:
                '.o_roll_call .o_data_row:contains("Bruno") button[name=action_mark_absent].btn-outline-danger',
            run: "click",
        },
        {
            content: "Exception: Chantal is excused",
            trigger:
                '.o_roll_call .o_data_row:contains("Chantal") button[name=action_mark_excused].btn-outline-warning',
            run: "click",
        },
        {
            content: "Eight are present",
            trigger: '.o_field_widget[name=present_count]:contains("8")',
        },
        {
            content: "Close the session",
            trigger: "button[name=action_close]",
            run: "click",
        },
        {
            content: "The session is closed",
            trigger:
                ".o_form_view .o_statusbar_status button.o_arrow_button_current[data-value=done]",
        },
        assertTaps("roll call of 10", 7, 12),
    ],
});
