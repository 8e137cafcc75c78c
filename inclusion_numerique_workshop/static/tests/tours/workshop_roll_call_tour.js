import {registry} from "@web/core/registry";
import {stepUtils} from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("inclusion_numerique_workshop_roll_call", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Digital Inclusion app",
            trigger: '.o_app[data-menu-xmlid="inclusion_numerique.menu_root"]',
            run: "click",
        },
        {
            content: "Open the Workshops menu",
            trigger:
                '.o_menu_sections button:contains("Ateliers"), .o_menu_sections a:contains("Ateliers")',
            run: "click",
        },
        {
            content: "Open the roll call of today",
            trigger: '.o-dropdown--menu .dropdown-item:contains("Appel")',
            run: "click",
        },
        {
            content: "The roll call opens straight on today's session",
            trigger:
                '.o_form_view .o_field_widget[name=workshop_id]:contains("Atelier du jour")',
        },
        {
            content: "Mark the first participant absent with one tap",
            trigger:
                ".o_roll_call .o_data_row:first button[name=action_mark_absent].btn-outline-danger",
            run: "click",
        },
        {
            content: "The first participant is absent",
            trigger:
                ".o_roll_call .o_data_row:first button[name=action_mark_absent].btn-danger",
        },
        {
            content: "Everyone else is present",
            trigger: 'button[name=action_all_present]:contains("Tous présents")',
            run: "click",
        },
        {
            content: "Two participants are present",
            trigger: '.o_field_widget[name=present_count]:contains("2")',
        },
        {
            content: "Print the attendance sheet",
            trigger: 'button[name=action_print_sheet]:contains("émargement")',
            run: "click",
        },
        {
            content: "The session stays open without error",
            trigger:
                ".o_form_view .o_statusbar_status button.o_arrow_button_current[data-value=planned]",
        },
        {
            content: "Open the workshops",
            trigger:
                '.o_menu_sections button:contains("Ateliers"), .o_menu_sections a:contains("Ateliers")',
            run: "click",
        },
        {
            content: "Workshops are listed by state",
            trigger: '.o-dropdown--menu .dropdown-item:contains("Ateliers")',
            run: "click",
        },
        {
            content: "The workshop card shows its seats",
            trigger:
                '.o_kanban_group .o_kanban_record:contains("Atelier du jour"):contains("3 / 5")',
            run: "click",
        },
        {
            content: "The workshop form counts the sessions",
            trigger: '.o_form_view button[name=action_view_sessions]:contains("1")',
            run: "click",
        },
        {
            content: "The sessions list of the workshop opens",
            trigger: '.o_list_view .o_data_row:contains("Atelier du jour")',
        },
        {
            content: "Open the reporting menu",
            trigger:
                '.o_menu_sections button:contains("Analyse"), .o_menu_sections a:contains("Analyse")',
            run: "click",
        },
        {
            content: "Open the attendance analysis",
            trigger:
                '.o-dropdown--menu .dropdown-item:contains("Présences aux ateliers")',
            run: "click",
        },
        {
            content: "The pivot splits the attendance by state",
            trigger: '.o_pivot table th:contains("Présent")',
        },
        {
            content: "The sessions calendar opens",
            trigger:
                '.o_menu_sections button:contains("Ateliers"), .o_menu_sections a:contains("Ateliers")',
            run: "click",
        },
        {
            content: "Open the sessions",
            trigger: '.o-dropdown--menu .dropdown-item:contains("Séances")',
            run: "click",
        },
        {
            content: "The calendar of the sessions is shown",
            trigger: ".o_calendar_view .o_calendar_renderer",
        },
    ],
});
